@_exported import TrustFlowDOT
@_exported import TrustFlowGraphviz
@_exported import TrustFlowModel
