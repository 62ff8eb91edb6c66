# TrustFlow — the commands the README promises. Each one installs what it needs first.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libgraphviz-dev pkg-config fonts-dejavu-core

PREFIX ?= /usr/local

.PHONY: deps test-deps build demo test samples install clean

# libgvc and its headers (Debian/Ubuntu), plus the font the committed SVGs were measured with.
deps:
	@if ! pkg-config --exists libgvc || ! fc-list 2>/dev/null | grep -q DejaVuSans.ttf; then \
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

# A release binary in $(PREFIX)/bin and the templates and themes in $(PREFIX)/share/trustflow,
# where the binary looks for them (it also carries built-in copies). The Swift runtime is linked
# in: the binary needs only libgvc on the machine, and starts with a third less memory.
RELEASE := -c release --static-swift-stdlib --scratch-path .build-release
install: deps
	$(SWIFT) build $(RELEASE) --product trustflow
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/trustflow
	install -m 755 $$($(SWIFT) build $(RELEASE) --show-bin-path)/trustflow $(DESTDIR)$(PREFIX)/bin/trustflow
	cp -R Templates/. $(DESTDIR)$(PREFIX)/share/trustflow/

clean:
	rm -rf .build
