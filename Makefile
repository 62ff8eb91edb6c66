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
	@# pre-commit runs the hooks of .pre-commit-hooks.yaml in the tests; check-jsonschema and
	@# zizmor check the GitHub Actions example.
	@for tool in pre-commit check-jsonschema zizmor; do command -v $$tool >/dev/null || python3 -m pip install --quiet $$tool \
		|| python3 -m pip install --quiet --break-system-packages $$tool; done
	@# ShellCheck checks the example workflow's scripts as actionlint would.
	@command -v shellcheck >/dev/null || (DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq shellcheck)
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

# The release binary: the Swift runtime linked in, so it needs only libgvc, libyaml and the C
# and C++ runtime libraries on the machine it runs on.
RELEASE = -c release --static-swift-stdlib --scratch-path .build-release
RELEASE_PRODUCT ?= trustflow

.PHONY: release release-bin-path release-check
release: deps
	$(SWIFT) build $(RELEASE) --product $(RELEASE_PRODUCT)

release-bin-path:
	@$(SWIFT) build $(RELEASE) --show-bin-path

# The release binary renders the three-tier sample to the committed bytes (CI runs this, so
# the binary `make install` ships is checked as well as the debug build the tests use).
release-check:
	$(MAKE) release RELEASE_PRODUCT=trustflow
	@bin=$$($(SWIFT) build $(RELEASE) --show-bin-path)/trustflow; out=$$(mktemp -d); \
		$$bin --version && $$bin render Samples/k8s-three-tier.yaml -o $$out/sample.svg -q \
		&& cmp $$out/sample.svg Samples/k8s-three-tier.svg && echo "release binary: sample identical"; \
		status=$$?; rm -rf $$out; exit $$status

# A release binary in $(PREFIX)/bin, the templates and themes in $(PREFIX)/share/trustflow
# (where the binary looks for them; it also carries built-in copies), the manual page and the
# bash, zsh and fish completions, both generated from the command's own definition by
# swift-argument-parser (the page dated by the last commit, so it is the same on every build).
SHARE = $(DESTDIR)$(PREFIX)/share
install:
	$(MAKE) release RELEASE_PRODUCT=trustflow
	$(SWIFT) build --product generate-manual
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/trustflow $(SHARE)/man/man1 $(SHARE)/bash-completion/completions \
		$(SHARE)/zsh/site-functions $(SHARE)/fish/vendor_completions.d
	install -m 755 $$($(SWIFT) build $(RELEASE) --show-bin-path)/trustflow $(DESTDIR)$(PREFIX)/bin/trustflow
	cp -R Templates/. $(SHARE)/trustflow/
	@bin=$(DESTDIR)$(PREFIX)/bin/trustflow; \
		$$bin --generate-completion-script bash > $(SHARE)/bash-completion/completions/trustflow && \
		$$bin --generate-completion-script zsh > $(SHARE)/zsh/site-functions/_trustflow && \
		$$bin --generate-completion-script fish > $(SHARE)/fish/vendor_completions.d/trustflow.fish && \
		$$($(SWIFT) build --show-bin-path)/generate-manual $$bin --output-directory $(SHARE)/man/man1 \
			--date $$(git log -1 --format=%cs 2>/dev/null || echo 2026-01-01)
	@echo "installed trustflow, its manual page and completions under $(DESTDIR)$(PREFIX)"

# make install into a scratch directory, and what it installed works: the binary renders from
# there, the manual page formats, and bash completes a subcommand with the completion script.
.PHONY: check-install
check-install:
	@command -v man >/dev/null || (DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq man-db)
	@root=$$(mktemp -d); \
		$(MAKE) -s install DESTDIR=$$root PREFIX=/usr/local >/dev/null && prefix=$$root/usr/local \
		&& $$prefix/bin/trustflow render Samples/minimal.yaml -o $$root/minimal.svg -q \
		&& test -s $$prefix/share/trustflow/themes/mono.json \
		&& MANWIDTH=80 man -l $$prefix/share/man/man1/trustflow.1 2>/dev/null | grep -q "Draw a model's data-flow diagram" \
		&& test -s $$prefix/share/zsh/site-functions/_trustflow && test -s $$prefix/share/fish/vendor_completions.d/trustflow.fish \
		&& completed=$$(PATH=$$prefix/bin:$$PATH bash -c 'source '$$prefix'/share/bash-completion/completions/trustflow; \
			COMP_WORDS=(trustflow ren); COMP_CWORD=1; COMP_LINE="trustflow ren"; COMP_POINT=13; _trustflow trustflow ren trustflow; \
			echo "$${COMPREPLY[@]}"') && echo "bash completes 'trustflow ren' to: $$completed" && test "$$completed" = render \
		&& echo "install: binary, templates, manual page and completions work"; status=$$?; rm -rf $$root; exit $$status

# Security checks (SECURITY.md). libFuzzer, AddressSanitizer and
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

# The long run recorded in SECURITY.md: FUZZ_RUNS executions in total over two workers.
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
