// SPDX-License-Identifier: MIT
// Adding a percent to a count has no meaning.
#include "cchc/value.hpp"

int main() {
  cchc::Count count{3};
  cchc::Percent percent = cchc::Percent::parse("10").value();
#ifdef CCHC_COMPILE_FAIL
  (void)(count + percent);
#else
  (void)(count + count);
  (void)(percent + percent);
#endif
  return 0;
}
