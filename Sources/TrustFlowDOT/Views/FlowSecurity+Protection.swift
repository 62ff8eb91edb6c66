extension FlowSecurity {
    /// How well the flow is protected, weakest first: none < unknown < TLS < mTLS.
    public var protection: Int {
        switch self {
        case .unencrypted: 0
        case .unknown: 1
        case .tls: 2
        case .mtls: 3
        }
    }

    /// The weakest of `securities` (unknown for none): what flows merged into one edge are
    /// drawn as.
    public static func weakest(_ securities: [FlowSecurity]) -> FlowSecurity {
        securities.min { $0.protection < $1.protection } ?? .unknown
    }
}
