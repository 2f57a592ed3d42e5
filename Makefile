# SPDX-License-Identifier: Apache-2.0
# hukou: build, test and install the C library (GNU make).
#
#   make demo      build the library and run the C kiosk demo on the embedded packs
#   make test      every test: Swift unit tests, the C API test (under valgrind),
#                  the exports/NEEDED/SONAME check, an install smoke test, the CLI, the
#                  batch report in headless Chromium and the Spark job in local mode
#   make lib       build/lib/libhukou.so.1 (+ libhukou.so link), build/lib/libhukou.a
#                  (self-contained: the Swift runtime merged in)
#   make cli       build/bin/hukou, the command line as one file (Swift runtime linked
#                  in statically), and its man page build/share/man/man1/hukou.1
#   make install   PREFIX=/usr/local (and DESTDIR) as usual: lib, include, pkgconfig,
#                  cmake, bin/hukou, share/man; install-strip strips the .so and the tool
#   make deb       Debian packages libhukou1, libhukou-dev, hukou-tools into build/deb/
#   make release-check   what must hold before tagging a release (docs/versioning.md)
#   make abi-baseline    regenerate the committed ABI baseline abi/libhukou.abi
#   make ctest     the C API test program only
#   make cases     the policy cases (Policies/*.cases.yaml, docs/cases.md) through `hukou test`,
#                  with the Swift engine and with the release library's C ABI
#   make golden    rewrite examples/answers/ from the engine after an intended change
#                  (then read `git diff examples/answers` to see what moved)
#   make golden-test  the golden answers, byte for byte (engine and release library)
#   make render-test  renderings through the C ABI, the C demo, the HTML pages in headless Chromium
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
DATADIR ?= $(PREFIX)/share
CMAKEDIR ?= $(LIBDIR)/cmake/hukou
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
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
# The first release with the current HUKOU_ABI_VERSION: a program built against any
# release from it on runs with this one (hukouConfigVersion.cmake, docs/versioning.md).
# Set it to the new version whenever HUKOU_ABI_VERSION moves.
ABI_SINCE := 0.1.0

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

# The command line: the same compile flags (so the objects of `make lib` are reused),
# linked with -static-stdlib: no libswiftCore, Foundation or ICU at run time.
SWIFT_CLI := $(SWIFT) build -c release --scratch-path $(SCRATCH) --disable-local-rpath \
	-Xswiftc -static-stdlib $(foreach f,$(SWIFTFLAGS),-Xswiftc $(f))
# swift-argument-parser's generate-manual plugin, with the same flags (it builds the
# package first); the page's date is the last commit's, so that it is reproducible.
SWIFT_MAN := $(SWIFT) package --scratch-path $(SCRATCH) --disable-local-rpath \
	-Xswiftc -static-stdlib $(foreach f,$(SWIFTFLAGS),-Xswiftc $(f)) plugin generate-manual
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date -u +%F)

# build/ is an uninstalled copy of the install tree, with a hukou.pc of its own.
B := build
# The static link of examples/ from the build tree (its libdir is no default linker
# folder, so `pkg-config --static --libs` would pick libhukou.so; see hukou.pc.in).
EXAMPLES = $(MAKE) -C examples HUKOU_PKG_CONFIG_PATH=$(CURDIR)/$(B)/lib/pkgconfig \
	HUKOU_STATIC="-I$(CURDIR)/$(B)/include -DHUKOU_STATIC $(CURDIR)/$(B)/lib/libhukou.a $$(cat $(CURDIR)/$(B)/static-libs)"

.PHONY: all lib cli deps test-deps demo ctest test swift-test check-exports check-install cli-test report-test spark-test schema-test packs docs \
	install install-strip uninstall clean cases golden golden-test render-test

all: lib

# ---------------------------------------------------------------- library

lib:
	@test -n "$(VERSION)" -a -n "$(ABI)" || { echo "cannot read HUKOU_VERSION / HUKOU_ABI_VERSION from Include/hukou.h" >&2; exit 1; }
	$(SWIFT_RELEASE) --product hukou
	$(SWIFT_RELEASE) --product hukou_static
	@bin=$$($(SWIFT_RELEASE) --show-bin-path) && \
	mkdir -p $(B)/lib $(B)/include $(B)/lib/pkgconfig $(B)/lib/hukou-static $(B)/tmp && \
	rm -rf $(B)/lib/hukou-swift-runtime $(B)/swift-runtime-libs && \
	scripts/copy-if-changed.sh "$$bin/libhukou.so" $(B)/lib/$(SONAME) && \
	ln -sfn $(SONAME) $(B)/lib/libhukou.so && \
	if [ ! -f $(B)/static-libs ] || [ "$$bin/libhukou_static.a" -nt $(B)/tmp/libhukou.a ]; then \
		scripts/merge-static.sh "$$bin/libhukou_static.a" "$(SWIFT_USR)" $(B)/tmp/libhukou.a > $(B)/static-libs.tmp && \
		mv $(B)/static-libs.tmp $(B)/static-libs; fi && \
	scripts/copy-if-changed.sh $(B)/tmp/libhukou.a $(B)/lib/libhukou.a && \
	ln -sfn ../libhukou.a $(B)/lib/hukou-static/libhukou.a && \
	scripts/copy-if-changed.sh Include/hukou.h $(B)/include/hukou.h && \
	scripts/gen-pc.sh hukou.pc.in "$(CURDIR)/$(B)" "$(CURDIR)/$(B)/lib" "$(CURDIR)/$(B)/include" "$(VERSION)" \
		"$$(cat $(B)/static-libs)" > $(B)/lib/pkgconfig/hukou.pc.tmp && \
	scripts/copy-if-changed.sh $(B)/lib/pkgconfig/hukou.pc.tmp $(B)/lib/pkgconfig/hukou.pc && \
	rm -f $(B)/lib/pkgconfig/hukou.pc.tmp
	@echo "built: $(B)/lib/$(SONAME) $(B)/lib/libhukou.a (self-contained; a static link adds: $$(cat $(B)/static-libs))"
	@readelf -d $(B)/lib/$(SONAME) | sed -n 's/.*(\(NEEDED\|SONAME\)).*\[\(.*\)\]/  \1 \2/p'

# ---------------------------------------------------------------- command line

# build/bin/hukou and build/share/man/man1/hukou.1. The release build is the expensive
# step of `make test` (about 30 s, once); the tests and the Debian packages reuse it.
cli:
	@test -n "$(VERSION)" || { echo "cannot read HUKOU_VERSION from Include/hukou.h" >&2; exit 1; }
	@mkdir -p $(B)/bin $(B)/share/man/man1 $(B)/tmp
	@# The plugin builds every product with its own linker flags (libhukou.so relinks at the
	@# next `make lib`): run it only when the command line's sources changed.
	@if [ ! -f $(B)/tmp/man.stamp ] || [ -n "$$(find Sources/hukou-cli Package.swift -newer $(B)/tmp/man.stamp | head -1)" ]; then \
		echo "$(SWIFT_MAN) --date $(MAN_DATE) --authors \"the hukou maintainers\""; \
		$(SWIFT_MAN) --date $(MAN_DATE) --authors "the hukou maintainers" && \
		scripts/copy-if-changed.sh $(SCRATCH)/plugins/GenerateManual/outputs/hukou-cli/hukou.1 $(B)/share/man/man1/hukou.1 && \
		touch $(B)/tmp/man.stamp; fi
	$(SWIFT_CLI) --product hukou-cli
	@bin=$$($(SWIFT_CLI) --show-bin-path) && \
	scripts/copy-if-changed.sh "$$bin/hukou-cli" $(B)/bin/hukou
	@echo "built: $(B)/bin/hukou $$($(B)/bin/hukou --version) ($$(du -m $(B)/bin/hukou | cut -f1) MB), $(B)/share/man/man1/hukou.1"
	@if ldd $(B)/bin/hukou | grep -i -E 'swift|Foundation|icu|dispatch'; then \
		echo "$(B)/bin/hukou needs a Swift library at run time" >&2; exit 1; fi

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

check-install: lib cli
	scripts/check-install.sh

# The `hukou` command line as it ships: the release one-file build of `make cli`.
cli-test: cli
	scripts/test-cli.sh $(B)/bin/hukou

# The batch report in headless Chromium (DOM and screenshot), and the Spark job of
# examples/spark/ in Spark local mode against one batch run (docs/scale-out.md). Their
# Debian packages (chromium, Java 17) and PySpark are installed when we may.
report-test:
	@scripts/ensure-deps.sh browser
	$(SWIFT) build --product hukou-cli
	scripts/check-report.sh .build/debug/hukou-cli

spark-test:
	@scripts/ensure-deps.sh spark
	$(SWIFT) build --product hukou-cli
	scripts/test-spark.sh .build/debug/hukou-cli

# The policy cases through the command line (the Swift engine), then through the C ABI of the
# release library that ships (build/lib/libhukou.so): "release is what ships".
HUKOU_CLI := .build/debug/hukou-cli
cases: lib
	$(SWIFT) build --product hukou-cli
	$(HUKOU_CLI) test Policies
	$(HUKOU_CLI) test Policies --library $(B)/lib/libhukou.so --embedded
	scripts/test-cases-cli.sh $(HUKOU_CLI)

# Renderings through the release library's C ABI (examples/render_test.c), the C demo's
# output, and every golden answer's HTML page in headless Chromium at 1080x1920
# (screenshot not blank, verdict lines and citations in the DOM, no horizontal overflow).
render-test: test-deps lib
	$(EXAMPLES) kiosk_demo render_test
	scripts/test-render.sh examples/render_test examples/kiosk_demo

# Golden answers (examples/answers/<request>/<call>.<locale>.json): every example request,
# every call, both locales. `make golden` rewrites them (after re-embedding the pack files, so
# that they answer as Policies/ says); golden-test compares byte for byte.
golden: packs
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
TEST_STAGES := swift-test ctest check-exports abi-check check-install cli-test deb-test cases golden-test render-test \
	report-test spark-test schema-test fuzz-smoke spdx-check
test: test-deps
	@passed=0; failed=0; failures=; times=; \
	for stage in $(TEST_STAGES); do \
		echo "==== make $$stage"; start=$$(date +%s); \
		if $(MAKE) --no-print-directory $$stage; then passed=$$((passed + 1)); \
		else failed=$$((failed + 1)); failures="$$failures $$stage"; fi; \
		times="$$times $$stage $$(( $$(date +%s) - start ))s"; \
	done; \
	echo "make test: stage times:$$times"; \
	if [ $$failed -ne 0 ]; then echo "make test: failed:$$failures"; fi; \
	echo "stages: $$passed passed, $$failed failed"; \
	[ $$failed -eq 0 ]

# ---------------------------------------------------------------- release (docs/versioning.md)

.PHONY: abi-check abi-baseline deb deb-test spdx-check release-check

# The header's C ABI (signatures and status codes) against abi/libhukou.abi: fails on an
# incompatible change unless HUKOU_ABI_VERSION and the SONAME move; added functions pass.
# test-abi-check.sh runs the check itself and on edited headers that it must catch.
abi-check:
	scripts/test-abi-check.sh

# After a release that moved HUKOU_ABI_VERSION (or to take this round's additions into
# the baseline at release time): write abi/libhukou.abi anew, then commit it.
abi-baseline:
	scripts/abi-check.sh --baseline

# libhukou1, libhukou-dev, hukou-tools into build/deb/ (dpkg-deb, no network).
deb: lib cli
	scripts/build-deb.sh

# Install the packages with apt-get, use them, purge them (root only; else skipped).
# Built gzip-compressed here: they are thrown away, and xz costs 5 times the CPU.
deb-test: lib cli
	DEB_COMPRESSION=gzip scripts/build-deb.sh
	scripts/test-deb.sh

# SPDX headers: a listing of files without one, for now never a failure (the
# integrator adds them over the whole tree, then makes this `scripts/spdx.sh --check`).
spdx-check:
	@scripts/spdx.sh --check

# What must hold before `git tag -a vX.Y.Z` (docs/versioning.md, "Releasing").
release-check: lib cli
	scripts/release-check.sh


install: lib cli
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(LIBDIR)/hukou-static $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) \
		$(DESTDIR)$(CMAKEDIR) $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(B)/lib/$(SONAME) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sfn $(SONAME) $(DESTDIR)$(LIBDIR)/libhukou.so
	install -m 644 $(B)/lib/libhukou.a $(DESTDIR)$(LIBDIR)/libhukou.a
	ln -sfn ../libhukou.a $(DESTDIR)$(LIBDIR)/hukou-static/libhukou.a
	install -m 644 Include/hukou.h $(DESTDIR)$(INCLUDEDIR)/hukou.h
	# valgrind suppressions for the library's one-time allocations, for firmware that runs
	# valgrind on its whole image (docs/robustness.md, "Leaks").
	install -d $(DESTDIR)$(DATADIR)/hukou/valgrind
	install -m 644 examples/valgrind.supp $(DESTDIR)$(DATADIR)/hukou/valgrind/hukou.supp
	scripts/gen-pc.sh hukou.pc.in "$(PREFIX)" "$(LIBDIR)" "$(INCLUDEDIR)" "$(VERSION)" "$$(cat $(B)/static-libs)" \
		> $(DESTDIR)$(PKGCONFIGDIR)/hukou.pc
	scripts/gen-cmake.sh $(DESTDIR)$(CMAKEDIR) "$(LIBDIR)" "$(INCLUDEDIR)" "$(VERSION)" "$(ABI)" "$(ABI_SINCE)" \
		"$$(cat $(B)/static-libs)"
	install -m 755 $(B)/bin/hukou $(DESTDIR)$(BINDIR)/hukou
	install -m 644 $(B)/share/man/man1/hukou.1 $(DESTDIR)$(MANDIR)/man1/hukou.1
	@echo "installed hukou $(VERSION) into $(DESTDIR)$(PREFIX)"

# The same, with the shared library and the tool stripped of their symbol tables (the
# kiosk copy).
install-strip: install
	$(STRIP) --strip-unneeded $(DESTDIR)$(LIBDIR)/$(SONAME)
	$(STRIP) $(DESTDIR)$(BINDIR)/hukou

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libhukou.so $(DESTDIR)$(LIBDIR)/libhukou.a \
		$(DESTDIR)$(LIBDIR)/hukou-static/libhukou.a $(DESTDIR)$(INCLUDEDIR)/hukou.h $(DESTDIR)$(PKGCONFIGDIR)/hukou.pc \
		$(DESTDIR)$(CMAKEDIR)/hukouConfig.cmake $(DESTDIR)$(CMAKEDIR)/hukouConfigVersion.cmake \
		$(DESTDIR)$(BINDIR)/hukou $(DESTDIR)$(MANDIR)/man1/hukou.1
	-rmdir $(DESTDIR)$(LIBDIR)/hukou-static $(DESTDIR)$(CMAKEDIR) 2>/dev/null
	rm -rf $(DESTDIR)$(LIBDIR)/hukou-swift-runtime
	rm -rf $(DESTDIR)$(DATADIR)/hukou

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
#                                     memory, a 1 000 000-applicant batch on 1 and 2 threads, sizes,
#                                     a 3 000-indicator points pack, hukou batch in outcome mode,
#                                     then hukou vs datalogic-py; one PASS/MISS line per target
#   make bench BENCH_ARGS="--quick"   a short run (20 000 batch applicants, 40 ms per case)
#   make bench BENCH_ARGS="--batch 100000 --time 100"
#   make bench-jsonlogic              only hukou vs datalogic-py (bench/jsonlogic_bench.py)
#
# Always the release library of `make lib` (-static-stdlib), linked from build/lib.

BENCH_ARGS ?=

.PHONY: bench bench-jsonlogic

bench: lib cli
	scripts/ensure-deps.sh bench
	$(MAKE) -C bench run HUKOU_BUILD=$(CURDIR)/$(B) BENCH_ARGS="$(BENCH_ARGS)"
	@if python3 -c 'import datalogic_py' 2>/dev/null; then $(MAKE) --no-print-directory bench-jsonlogic; \
	else echo "(c) outcome-only <= datalogic-py per call: not measured (datalogic-py missing: scripts/ensure-deps.sh bench)   MISS"; fi

# hukou (release C ABI through ctypes, outcome and full answers) vs datalogic-py on the same
# rules and requests (issue 15, docs/benchmarks.md); about 20 s. Not part of `make test`.
bench-jsonlogic: lib cli
	python3 bench/jsonlogic_bench.py --lib $(B)/lib/libhukou.so --hukou $(B)/bin/hukou
