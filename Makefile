# hukou: build, test and install the C library (GNU make).
#
#   make demo      build the library and run the C kiosk demo on the embedded packs
#   make test      every test: Swift unit tests, the C API test (under valgrind),
#                  the exports/NEEDED/SONAME check and an install smoke test
#   make lib       build/lib/libhukou.so.1 (+ libhukou.so link), build/lib/libhukou.a
#   make install   PREFIX=/usr/local (and DESTDIR) as usual; install-strip strips the .so
#   make ctest     the C API test program only
#   make cases     the policy cases (Policies/*.cases.yaml, docs/cases.md) through `hukou test`,
#                  with the Swift engine and with the release library's C ABI
#   make golden    rewrite examples/answers/ from the engine after an intended change
#                  (then read `git diff examples/answers` to see what moved)
#   make golden-test  the golden answers, byte for byte (engine and release library)
#   make bench     the benchmark against the json-c floor (docs/benchmarks.md);
#                  BENCH_ARGS="--quick" for a short run
#   make clean
#
# Release builds use their own SwiftPM scratch folder ($(SCRATCH)) so that they never
# fight with the debug .build of `swift test`.

SHELL := /bin/bash
.DEFAULT_GOAL := lib
# SwiftPM builds must not overlap on one scratch folder.
.NOTPARALLEL:

SCRATCH ?= .build-release
PREFIX ?= /usr/local
DESTDIR ?=
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
# swift on PATH, else the toolchain's usual place (a non-login shell may not have it)
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
PKG_CONFIG ?= pkg-config
STRIP ?= strip
# extra swiftc flags for the release build, e.g. SWIFTFLAGS=-Osize
SWIFTFLAGS ?=
# the request the demo shows; empty: the one kiosk_demo builds with json-c
REQUEST ?=

VERSION := $(shell sed -n 's/^\#define HUKOU_VERSION "\(.*\)".*/\1/p' Include/hukou.h)
ABI := $(shell sed -n 's/^\#define HUKOU_ABI_VERSION \([0-9][0-9]*\).*/\1/p' Include/hukou.h)
SONAME := libhukou.so.$(ABI)

# The toolchain's usr/ folder, for the static runtime and swift-autolink-extract.
SWIFT_USR := $(patsubst %/bin/,%,$(dir $(realpath $(SWIFT))))

# One set of flags for both products, so that building the second reuses the objects
# of the first. -static-stdlib puts the Swift runtime into libhukou.so (NEEDED: libc,
# libm, libstdc++, libgcc_s, ld-linux only); the linker flags only touch links, and the
# only link here is the shared library's.
SWIFT_RELEASE := $(SWIFT) build -c release --scratch-path $(SCRATCH) --disable-local-rpath \
	-Xswiftc -static-stdlib $(foreach f,$(SWIFTFLAGS),-Xswiftc $(f)) \
	-Xlinker -soname=$(SONAME) \
	-Xlinker --version-script=$(CURDIR)/scripts/libhukou.map

# build/ is an uninstalled copy of the install tree, with a hukou.pc of its own.
B := build
RUNTIME := $(B)/lib/hukou-swift-runtime
EXAMPLES := $(MAKE) -C examples HUKOU_PKG_CONFIG_PATH=$(CURDIR)/$(B)/lib/pkgconfig

.PHONY: all lib deps test-deps demo ctest test swift-test check-exports check-install cli-test schema-test packs docs \
	install install-strip uninstall clean cases golden golden-test

all: lib

# ---------------------------------------------------------------- library

lib:
	@test -n "$(VERSION)" -a -n "$(ABI)" || { echo "cannot read HUKOU_VERSION / HUKOU_ABI_VERSION from Include/hukou.h" >&2; exit 1; }
	$(SWIFT_RELEASE) --product hukou
	$(SWIFT_RELEASE) --product hukou_static
	@bin=$$($(SWIFT_RELEASE) --show-bin-path) && \
	mkdir -p $(B)/lib $(B)/include $(B)/lib/pkgconfig && \
	scripts/copy-if-changed.sh "$$bin/libhukou.so" $(B)/lib/$(SONAME) && \
	ln -sfn $(SONAME) $(B)/lib/libhukou.so && \
	scripts/copy-if-changed.sh "$$bin/libhukou_static.a" $(B)/lib/libhukou.a && \
	scripts/copy-if-changed.sh Include/hukou.h $(B)/include/hukou.h && \
	libs=$$(scripts/swift-runtime.sh $(B)/lib/libhukou.a "$(SWIFT_USR)" $(RUNTIME)) && \
	ln -sfn ../libhukou.a $(RUNTIME)/libhukou.a && \
	echo "$$libs" > $(B)/swift-runtime-libs && \
	scripts/gen-pc.sh hukou.pc.in "$(CURDIR)/$(B)" "$(VERSION)" "$$libs" > $(B)/lib/pkgconfig/hukou.pc.tmp && \
	scripts/copy-if-changed.sh $(B)/lib/pkgconfig/hukou.pc.tmp $(B)/lib/pkgconfig/hukou.pc && \
	rm -f $(B)/lib/pkgconfig/hukou.pc.tmp
	@echo "built: $(B)/lib/$(SONAME) $(B)/lib/libhukou.a (Swift runtime for static links: $(RUNTIME)/)"
	@readelf -d $(B)/lib/$(SONAME) | sed -n 's/.*(\(NEEDED\|SONAME\)).*\[\(.*\)\]/  \1 \2/p'

# ---------------------------------------------------------------- examples

# Debian packages the C side needs; installed when missing and we may (root or sudo).
deps:
	@scripts/ensure-deps.sh demo

test-deps:
	@scripts/ensure-deps.sh test

demo: deps lib
	$(EXAMPLES) kiosk_demo
	$(EXAMPLES) run-demo REQUEST="$(if $(REQUEST),$(abspath $(REQUEST)))"

ctest: test-deps lib
	$(EXAMPLES) check

# ---------------------------------------------------------------- tests

swift-test:
	$(SWIFT) test

check-exports: lib
	scripts/check-exports.sh $(B)/lib/$(SONAME) Include/hukou.h $(SONAME)

check-install: lib
	scripts/check-install.sh

# The `hukou` command line (debug build, shared with swift-test's .build).
cli-test:
	$(SWIFT) build --product hukou-cli
	scripts/test-cli.sh .build/debug/hukou-cli

# The policy cases through the command line (the Swift engine), then through the C ABI of the
# release library that ships (build/lib/libhukou.so): "release is what ships".
HUKOU_CLI := .build/debug/hukou-cli
cases: lib
	$(SWIFT) build --product hukou-cli
	$(HUKOU_CLI) test Policies
	$(HUKOU_CLI) test Policies --library $(B)/lib/libhukou.so

# Golden answers (examples/answers/<request>/<call>.<locale>.json): every example request,
# every call, both locales. `make golden` rewrites them; golden-test compares byte for byte.
golden:
	$(SWIFT) build --product hukou-cli
	$(HUKOU_CLI) golden

golden-test: lib
	$(SWIFT) build --product hukou-cli
	$(HUKOU_CLI) golden --check
	$(HUKOU_CLI) golden --check --library $(B)/lib/libhukou.so

# Packs, example requests and case files against the published JSON Schemas
# (python3-jsonschema, python3-yaml).
schema-test:
	@py=$$(for p in python3 /usr/bin/python3; do $$p -c 'import jsonschema' 2>/dev/null && echo $$p && break; done); \
	$${py:-python3} scripts/validate-schemas.py

# Regenerate what is derived from sources: the embedded packs and docs/facts.md.
packs:
	python3 scripts/embed-packs.py
docs:
	python3 scripts/gen-facts-doc.py

# Every stage runs even when an earlier one failed; the last line counts the stages
# ("stages: N passed, N failed"), each stage prints its own counts before it.
TEST_STAGES := swift-test ctest check-exports check-install cli-test cases golden-test schema-test fuzz-smoke
test: test-deps
	@passed=0; failed=0; failures=; \
	for stage in $(TEST_STAGES); do \
		echo "==== make $$stage"; \
		if $(MAKE) --no-print-directory $$stage; then passed=$$((passed + 1)); \
		else failed=$$((failed + 1)); failures="$$failures $$stage"; fi; \
	done; \
	if [ $$failed -ne 0 ]; then echo "make test: failed:$$failures"; fi; \
	echo "stages: $$passed passed, $$failed failed"; \
	[ $$failed -eq 0 ]

# ---------------------------------------------------------------- install

install: lib
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) \
		$(DESTDIR)$(LIBDIR)/hukou-swift-runtime
	install -m 755 $(B)/lib/$(SONAME) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sfn $(SONAME) $(DESTDIR)$(LIBDIR)/libhukou.so
	install -m 644 $(B)/lib/libhukou.a $(DESTDIR)$(LIBDIR)/libhukou.a
	install -m 644 Include/hukou.h $(DESTDIR)$(INCLUDEDIR)/hukou.h
	install -m 644 $(RUNTIME)/swiftrt.o $(RUNTIME)/lib*swift*.a $(wildcard $(RUNTIME)/libdispatch.a $(RUNTIME)/libBlocksRuntime.a) \
		$(DESTDIR)$(LIBDIR)/hukou-swift-runtime/
	ln -sfn ../libhukou.a $(DESTDIR)$(LIBDIR)/hukou-swift-runtime/libhukou.a
	scripts/gen-pc.sh hukou.pc.in "$(PREFIX)" "$(VERSION)" "$$(cat $(B)/swift-runtime-libs)" \
		> $(DESTDIR)$(PKGCONFIGDIR)/hukou.pc
	@if [ "$(LIBDIR)" != "$(PREFIX)/lib" ]; then \
		sed -i 's|^libdir=.*|libdir=$(LIBDIR)|; s|^includedir=.*|includedir=$(INCLUDEDIR)|' $(DESTDIR)$(PKGCONFIGDIR)/hukou.pc; fi
	@echo "installed hukou $(VERSION) into $(DESTDIR)$(PREFIX)"

# The same, with the shared library stripped of its symbol tables (the kiosk copy).
install-strip: install
	$(STRIP) --strip-unneeded $(DESTDIR)$(LIBDIR)/$(SONAME)

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libhukou.so $(DESTDIR)$(LIBDIR)/libhukou.a \
		$(DESTDIR)$(INCLUDEDIR)/hukou.h $(DESTDIR)$(PKGCONFIGDIR)/hukou.pc
	rm -rf $(DESTDIR)$(LIBDIR)/hukou-swift-runtime

clean:
	rm -rf $(B) $(SCRATCH)
	-$(MAKE) -C examples clean

# ---------------------------------------------------------------- hardening (docs/robustness.md)
#
#   make fuzz FUZZ_SECONDS=60   each libFuzzer target (fuzz/) for that many seconds;
#                               FUZZ_SECONDS=10 is the CI smoke run
#   make fuzz-regress           replay the seeds and fuzz/regressions/ once (no fuzzing)
#   make sanitize               Swift tests and the C contract test under AddressSanitizer
#                               (with LeakSanitizer) and ThreadSanitizer
#
# Sanitizer builds use their own scratch folders (.build-asan, .build-tsan, .build-san-*,
# .build-fuzz); they are slow (several minutes each on two cores).

FUZZ_SECONDS ?= 60
LSAN_SUPP := $(CURDIR)/fuzz/lsan.supp
ASAN_ENV := ASAN_OPTIONS=malloc_context_size=128:fast_unwind_on_malloc=0:detect_stack_use_after_return=1 \
	LSAN_OPTIONS=suppressions=$(LSAN_SUPP):print_suppressions=0
TSAN_ENV := TSAN_OPTIONS=halt_on_error=1

.PHONY: fuzz fuzz-regress fuzz-smoke sanitize sanitize-address sanitize-thread

fuzz:
	$(MAKE) -C fuzz run FUZZ_SECONDS=$(FUZZ_SECONDS)

fuzz-regress:
	$(MAKE) -C fuzz regress

# CI's brief run: every fuzz target for a few seconds on its seeds (docs/robustness.md).
fuzz-smoke:
	$(MAKE) -C fuzz run FUZZ_SECONDS=5

sanitize: sanitize-address sanitize-thread
	@echo "make sanitize: Swift tests and C test clean under ASan+LSan and TSan"

sanitize-address:
	$(ASAN_ENV) $(SWIFT) test --sanitize=address --scratch-path .build-asan
	$(MAKE) -C fuzz ctest-address

sanitize-thread:
	$(TSAN_ENV) $(SWIFT) test --sanitize=thread --scratch-path .build-tsan
	$(MAKE) -C fuzz ctest-thread

# ---------------------------------------------------------------- benchmark (docs/benchmarks.md)
#
#   make bench                        the full run: every jurisdiction x request size, start-up,
#                                     memory, a 1 000 000-applicant batch on 1 and 2 threads, sizes
#   make bench BENCH_ARGS="--quick"   a short run (20 000 batch applicants, 40 ms per case)
#   make bench BENCH_ARGS="--batch 100000 --time 100"
#
# Always the release library of `make lib` (-static-stdlib), linked from build/lib.

BENCH_ARGS ?=

.PHONY: bench

bench: lib
	$(MAKE) -C bench run HUKOU_BUILD=$(CURDIR)/$(B) BENCH_ARGS="$(BENCH_ARGS)"
