#!/usr/bin/env bash
# Builds the DocC documentation of the TrustFlow library — the Swift DSL, the model format and
# the API — into $SCRATCH/TrustFlow.doccarchive, using only the docc and
# swift-symbolgraph-extract that ship with the Swift toolchain (no package plugin).
#
#   Scripts/docs.sh                       # or: make docs
#   docc preview Sources/TrustFlow/TrustFlow.docc --additional-symbol-graph-dir .build/symbol-graphs
#
# SCRATCH is the SwiftPM scratch path (default .build). Documentation warnings are errors.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH:-.build}"

swift build --scratch-path "$scratch" --target TrustFlow
bin="$(swift build --scratch-path "$scratch" --show-bin-path)"
graphs="$scratch/symbol-graphs"
rm -rf "$graphs" "$scratch/TrustFlow.doccarchive"
mkdir -p "$graphs"

# TrustFlow re-exports the model, analysis, diff, DOT, Graphviz, report, interop and Kubernetes modules; to document
# them as one library, their symbols must be in TrustFlow's symbol graph (which SwiftPM's dump-symbol-graph leaves
# out). The C modules they import must be found too.
swift-symbolgraph-extract -module-name TrustFlow -target "$(basename "$(dirname "$bin")")" \
    -I "$bin/Modules" -minimum-access-level public -output-dir "$graphs" \
    -experimental-allowed-reexported-modules=TrustFlowModel,TrustFlowAnalysis,TrustFlowDiff,TrustFlowDOT,TrustFlowGraphviz,TrustFlowReport,TrustFlowInterop,TrustFlowKubernetes \
    -Xcc -fmodule-map-file=Sources/CLibYAML/module.modulemap -Xcc -fmodule-map-file=Sources/CGraphviz/module.modulemap \
    -Xcc -fmodule-map-file=Sources/CGraphvizSupport/include/module.modulemap

docc convert Sources/TrustFlow/TrustFlow.docc --additional-symbol-graph-dir "$graphs" \
    --fallback-display-name TrustFlow --fallback-bundle-identifier org.trustflow.TrustFlow \
    --output-path "$scratch/TrustFlow.doccarchive" --warnings-as-errors
echo "wrote $scratch/TrustFlow.doccarchive"
