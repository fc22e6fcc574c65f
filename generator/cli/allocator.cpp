// hyoka allocates through mimalloc (Debian's libmimalloc): a build makes and
// frees millions of small strings and JSON nodes on several threads, and
// glibc's malloc was a fifth of its cycles. Linking the library makes malloc
// itself mimalloc's (the executable names it before libc); this header sends
// operator new and delete straight to it, with new_handler respected.
// Sanitizer and fuzzing builds keep their own allocators (CMakeLists.txt).
#include <mimalloc-new-delete.h>
