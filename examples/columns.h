/* SPDX-License-Identifier: Apache-2.0 */
/*
 * columns.h: how many columns the widest line of a rendered text takes on a receipt
 * printer or a fixed-width kiosk screen: an ASCII byte one column, a character of
 * several UTF-8 bytes (Chinese) two, the continuation bytes none. Shared by the
 * rendering test (examples/render_test.c) and the rendering fuzzer (fuzz/fuzz_render.c),
 * which both check that a receipt fits its 32 or 48 columns.
 */
#ifndef HUKOU_EXAMPLES_COLUMNS_H
#define HUKOU_EXAMPLES_COLUMNS_H

static inline int widest_line(const char *text) {
    int widest = 0, width = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '\n') { if (width > widest) widest = width; width = 0; }
        else if (*p < 0x80) width += 1;
        else if (*p >= 0xC0) width += 2;
    }
    return width > widest ? width : widest;
}

#endif
