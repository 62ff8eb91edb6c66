extension BoundaryRef {
    /// The same boundary, standing for a Kubernetes object (`k8s:` in a file).
    ///
    /// ```swift
    /// let shop = Boundary.namespace("ns-shop").kubernetes(KubernetesReference(kind: "Namespace", name: "shop"))
    /// ```
    ///
    /// The result is the same declaration, not a new one: a threat actor that targets either
    /// handle targets this boundary.
    public func kubernetes(_ reference: KubernetesReference) -> BoundaryRef {
        var boundary = boundary
        boundary.kubernetes = reference
        return BoundaryRef(boundary: boundary, controls: controls, content: content, reference: self.reference)
    }
}

extension ElementRef {
    /// The same element, standing for a Kubernetes object and container (`k8s:` in a file).
    ///
    /// The result is the same declaration, not a new one.
    public func kubernetes(_ reference: KubernetesReference) -> ElementRef {
        var element = element
        element.kubernetes = reference
        return ElementRef(element: element, controls: controls, reference: self.reference)
    }
}
