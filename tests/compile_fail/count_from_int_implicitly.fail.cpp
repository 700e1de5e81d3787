// SPDX-License-Identifier: MIT
// A bare number has no kind; making a Count says so explicitly.
#include "cchc/value.hpp"

int main() {

#ifdef CCHC_COMPILE_FAIL
  cchc::Count c = 3;
  (void)c;
#else
  cchc::Count c{3};
  (void)c;
#endif
  return 0;
}
