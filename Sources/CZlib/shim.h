// zlib, for reading gzip-compressed pages (.html.gz).
#include <zlib.h>
