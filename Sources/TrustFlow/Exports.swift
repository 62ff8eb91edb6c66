@_exported import TrustFlowAnalysis
@_exported import TrustFlowDOT
@_exported import TrustFlowDiff
@_exported import TrustFlowGraphviz
@_exported import TrustFlowInterop
@_exported import TrustFlowKubernetes
@_exported import TrustFlowModel
@_exported import TrustFlowReport
