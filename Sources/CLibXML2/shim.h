// libxml2's HTML parser and tree, for Swift.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its headers then clash with Foundation's ICU module over UErrorCode.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parserInternals.h>

// `xmlFree` is a global function pointer, which Swift 6 treats as shared mutable state.
static inline void cxml_free(void *pointer) { xmlFree(pointer); }
