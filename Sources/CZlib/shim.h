// zlib from the system (zlib1g-dev ships with every Swift-on-Linux install):
// reportlint inflates the deflated parts of a .docx with it.
#include <zlib.h>
