# TrustFlow — the commands the README promises. Each one installs what it needs first.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libgraphviz-dev libyaml-dev pkg-config fonts-dejavu-core

PREFIX ?= /usr/local

.PHONY: deps test-deps build demo test samples install clean fuzz-build fuzz fuzz-long test-asan test-tsan leak-check

# libgvc and libyaml with their headers (Debian/Ubuntu), plus the font the committed SVGs were
# measured with.
deps:
	@if ! pkg-config --exists libgvc yaml-0.1 || ! fc-list 2>/dev/null | grep -q DejaVuSans.ttf; then \
		echo "Installing $(APT_PACKAGES) with apt-get"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi

# What the tests use besides libgvc: Python's jsonschema (the reference validator for SARIF and
# the model schema) and Chromium (the HTML reports are opened in it; without it that suite is
# skipped with a message).
test-deps: deps
	@python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install --quiet jsonschema \
		|| python3 -m pip install --quiet --break-system-packages jsonschema \
		|| (DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-jsonschema)
	@command -v chromium >/dev/null || (DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium) \
		|| echo "note: chromium could not be installed; the browser tests will be skipped"

build: deps
	$(SWIFT) build -Xswiftc -warnings-as-errors

# Renders the three-tier sample to k8s-three-tier.svg in the current directory.
demo: build
	$$($(SWIFT) build --show-bin-path)/trustflow render Samples/k8s-three-tier.yaml -o k8s-three-tier.svg

# The whole test suite, warnings as errors.
test: test-deps
	$(SWIFT) build --build-tests -Xswiftc -warnings-as-errors
	$(SWIFT) test --skip-build

# The rendering property test over many more generated models than `make test` renders
# (every engine and view, two processes each): PROPERTY_MODELS models from PROPERTY_SEED.
PROPERTY_MODELS ?= 500
PROPERTY_SEED ?= 1000
.PHONY: property-long
property-long: test-deps
	$(SWIFT) build --build-tests -Xswiftc -warnings-as-errors
	TRUSTFLOW_PROPERTY_MODELS=$(PROPERTY_MODELS) TRUSTFLOW_PROPERTY_SEED=$(PROPERTY_SEED) \
		$(SWIFT) test --skip-build --filter RenderingPropertyTests

# The build for a Graphviz whose private structures TrustFlow was not checked against
# (Graphviz 3 and later: Homebrew, Fedora, Arch), simulated on this one by defining the
# version macro newer headers have: it must build, render with every engine, and say in
# --version which reproducibility guarantees it cannot give.
.PHONY: check-fallback
check-fallback: deps
	$(SWIFT) build --scratch-path .build-fallback -Xcc -DGRAPHVIZ_VERSION_MAJOR=12 --product trustflow
	@bin=$$($(SWIFT) build --scratch-path .build-fallback --show-bin-path)/trustflow; out=$$(mktemp -d); \
		$$bin --version | tee $$out/version && grep -q "fdp layouts are not byte-reproducible" $$out/version \
		&& for engine in dot fdp osage; do $$bin render Samples/k8s-three-tier.yaml --engine $$engine -o $$out/$$engine.svg -q \
			|| exit 1; done && echo "fallback build: renders with every engine"; status=$$?; rm -rf $$out; exit $$status

# Re-records the golden DOT files and the committed sample diagrams after an intended change.
# (A recording run reports failures on purpose; run `make test` afterwards.)
samples: test-deps
	-TRUSTFLOW_RECORD=1 $(SWIFT) test --filter 'Golden|Current' >/dev/null
	git status --short Samples Tests

# The library's DocC documentation (the Swift DSL, the format, the API) in
# .build/TrustFlow.doccarchive, with the docc that ships with Swift; see Scripts/docs.sh.
.PHONY: docs
docs: deps
	Scripts/docs.sh

# The release binary: the Swift runtime linked in (it needs only libgvc and the C and C++
# runtime libraries on the machine), one section per function and lld placing the functions a
# run executes side by side, listed in Scripts/link-order.txt (see Scripts/update-link-order.py);
# relative relocations packed (DT_RELR) where the C library loads them (glibc 2.36 and later: the
# binary then needs that on the machine it runs on, as it does where it was built); no symbol
# table exported to shared libraries. Together about 5 MiB less resident memory per run than a
# plain static build (BENCHMARKS.md); nothing else changes, the output bytes least of all.
# Without lld in the toolchain it is linked plainly. Each probe links and runs a small program
# under .build-release (not /tmp, which may be mounted noexec), once per make run.
PROBE_LINK = $(shell mkdir -p .build-release/probe && printf 'int main(void){return 0;}\n' > .build-release/probe/probe.c \
	&& $(dir $(realpath $(shell command -v $(SWIFT))))clang $(1) -o .build-release/probe/probe .build-release/probe/probe.c \
		2>/dev/null && .build-release/probe/probe && echo yes)
LLD_OK = $(eval LLD_OK := $(call PROBE_LINK,-fuse-ld=lld))$(LLD_OK)
RELR_OK = $(eval RELR_OK := $(call PROBE_LINK,-fuse-ld=lld -Wl$(comma)-z$(comma)pack-relative-relocs))$(RELR_OK)
comma := ,
RELEASE = -c release --static-swift-stdlib --scratch-path .build-release \
	$(if $(LLD_OK),-Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections -Xswiftc -use-ld=lld \
		-Xlinker "--symbol-ordering-file=$(CURDIR)/Scripts/link-order.txt" -Xlinker --no-warn-symbol-ordering) \
	-Xlinker --no-export-dynamic $(if $(RELR_OK),-Xlinker -z -Xlinker pack-relative-relocs)
RELEASE_PRODUCT ?= trustflow

.PHONY: release release-bin-path release-check
release: deps
	@# SwiftPM does not track the order file: relink every time (lld takes a second).
	rm -f "$$($(SWIFT) build $(RELEASE) --show-bin-path)/$(RELEASE_PRODUCT)"
	$(SWIFT) build $(RELEASE) --product $(RELEASE_PRODUCT)

release-bin-path:
	@$(SWIFT) build $(RELEASE) --show-bin-path

# The release binary renders the three-tier sample to the committed bytes (CI runs this, so
# the shipped link is checked as well as the debug build the tests use), and says when the link
# order no longer matches the code (most of its names gone: run Scripts/update-link-order.py).
release-check:
	$(MAKE) release RELEASE_PRODUCT=trustflow
	@bin=$$($(SWIFT) build $(RELEASE) --show-bin-path)/trustflow; out=$$(mktemp -d); \
		$$bin --version && $$bin render Samples/k8s-three-tier.yaml -o $$out/sample.svg -q \
		&& cmp $$out/sample.svg Samples/k8s-three-tier.svg && echo "release binary: sample identical"; \
		status=$$?; rm -rf $$out; \
		nm "$$bin" | awk 'NR == FNR { have[$$3] = 1; next } { total++; if ($$0 in have) found++ } \
			END { printf "link order: %d of %d listed functions found\n", found, total; \
				if (found * 2 < total) print "warning: most of Scripts/link-order.txt is stale; run Scripts/update-link-order.py" }' \
			- Scripts/link-order.txt; \
		exit $$status

# A release binary in $(PREFIX)/bin and the templates and themes in $(PREFIX)/share/trustflow,
# where the binary looks for them (it also carries built-in copies).
install:
	$(MAKE) release RELEASE_PRODUCT=trustflow
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/trustflow
	install -m 755 $$($(SWIFT) build $(RELEASE) --show-bin-path)/trustflow $(DESTDIR)$(PREFIX)/bin/trustflow
	cp -R Templates/. $(DESTDIR)$(PREFIX)/share/trustflow/

# Security checks (the README's Security section). libFuzzer, AddressSanitizer and
# ThreadSanitizer come with the Swift toolchain; the fuzzer and the render loop are a
# package of their own in Fuzz/, so the targets above never build them.
FUZZ_FLAGS := -c release -Xswiftc -sanitize=fuzzer,address \
	-Xswiftc -use-ld=lld -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
FUZZ_OPTIONS := -max_len=8192 -timeout=10 -print_final_stats=1 -artifact_prefix=.build-fuzz/artifacts/
FUZZ_CORPUS := .build-fuzz/corpus Fuzz/corpus Fuzz/regressions
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= 10000000
# Swift's crash handler would otherwise report (and stall on) every crash before libFuzzer.
FUZZ_ENV := SWIFT_BACKTRACE=enable=no

fuzz-build: deps
	@# SwiftPM does not notice files added to the parent package; re-plan every time.
	rm -f .build-fuzz/release.yaml
	$(SWIFT) build --package-path Fuzz --scratch-path .build-fuzz --product TrustFlowFuzz $(FUZZ_FLAGS)
	mkdir -p .build-fuzz/corpus .build-fuzz/artifacts

# A short run (CI): fails on any crash, hang or violated property, leaving the input in
# .build-fuzz/artifacts/ (copy it to Fuzz/regressions/ with the fix).
fuzz: fuzz-build
	$(FUZZ_ENV) .build-fuzz/release/TrustFlowFuzz -max_total_time=$(FUZZ_SECONDS) $(FUZZ_OPTIONS) $(FUZZ_CORPUS)

# The long run recorded in the README: FUZZ_RUNS executions in total over two workers.
fuzz-long: fuzz-build
	$(FUZZ_ENV) nice -n 19 .build-fuzz/release/TrustFlowFuzz -jobs=2 -workers=2 -runs=$$(( $(FUZZ_RUNS) / 2 )) \
		$(FUZZ_OPTIONS) $(FUZZ_CORPUS)

# The test suite under AddressSanitizer and ThreadSanitizer. Leaks are measured with
# valgrind instead (leak-check): libgvc and pango leak a little on every render.
test-asan: test-deps
	$(SWIFT) build --build-tests --scratch-path .build-asan -Xswiftc -sanitize=address
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --scratch-path .build-asan

test-tsan: test-deps
	$(SWIFT) build --build-tests --scratch-path .build-tsan -Xswiftc -sanitize=thread
	$(SWIFT) test --skip-build --scratch-path .build-tsan

# Leaked bytes after 10 and after 1,000 renders in one process: no growth means no leak
# per render.
LEAK_MODEL ?= Samples/minimal.yaml
leak-check: deps
	@command -v valgrind >/dev/null || (DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq valgrind)
	$(SWIFT) build --package-path Fuzz --scratch-path .build-tools -c release --product TrustFlowRenderLoop
	@# Debian 12's valgrind cannot read the toolchain's DWARF 5: measure a stripped copy.
	strip -o .build-tools/TrustFlowRenderLoop.stripped .build-tools/release/TrustFlowRenderLoop
	@for count in 10 1000; do \
		echo "$$count renders of $(LEAK_MODEL):"; \
		valgrind --leak-check=full --num-callers=40 .build-tools/TrustFlowRenderLoop.stripped \
			$(LEAK_MODEL) $$count 2>&1 | grep -E "renders,|definitely lost:|indirectly lost:|possibly lost:"; \
	done

clean:
	rm -rf .build
