// SPDX-License-Identifier: MIT
// Only a bool answers yes or no; 2 is not an answer.
#include "cchc/value.hpp"

int main() {

#ifdef CCHC_COMPILE_FAIL
  cchc::YesNo answer(2);
  (void)answer;
#else
  cchc::YesNo answer(true);
  (void)answer;
#endif
  return 0;
}
