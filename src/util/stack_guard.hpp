// SPDX-License-Identifier: MIT
// How much stack the calling thread has left. The recursive-descent readers (the rule compiler)
// bound their nesting by a count, but what one level costs depends on the build (a debug or
// sanitizer build spends ten times the stack of a release build) and on the thread (a host's
// worker thread may have far less than 8 MiB). Asking the thread itself is the only bound that
// holds everywhere.
#pragma once

#include <pthread.h>

#include <cstddef>
#include <cstdint>

namespace cchc::detail {

/// Bytes between the caller's frame and the end of this thread's stack; SIZE_MAX when the
/// platform does not say.
inline std::size_t stack_left() noexcept {
  thread_local const char* const low = []() -> const char* {
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return nullptr;
    void* addr = nullptr;
    std::size_t size = 0;
    const int rc = pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    return rc == 0 ? static_cast<const char*>(addr) : nullptr;
  }();
  if (low == nullptr) return SIZE_MAX;
  const auto* here = static_cast<const char*>(__builtin_frame_address(0));
  return here > low ? static_cast<std::size_t>(here - low) : 0;
}

/// Stack kept free for the work a reader does after it stops descending (an error message,
/// unwinding) and for the host. The built-in rules and the bundled report need well under
/// 16 KiB of a release build's stack (docs/c-api.md), so a 64 KiB worker thread compiles them;
/// debug and sanitizer builds spend several times more per frame, and keep more.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr std::size_t stack_reserve = 256u << 10;
#elif !defined(NDEBUG)
inline constexpr std::size_t stack_reserve = 64u << 10;
#else
inline constexpr std::size_t stack_reserve = 32u << 10;
#endif

inline bool stack_is_short() noexcept { return stack_left() < stack_reserve; }

}  // namespace cchc::detail
