/* SPDX-License-Identifier: MIT */
/* cchc/version.h: the version of the cchc headers, for C and C++ alike. The version of the
 * library actually loaded is cchc_version() (C) or cchc::version() (C++). */
#ifndef CCHC_VERSION_H
#define CCHC_VERSION_H

#define CCHC_VERSION_MAJOR 0
#define CCHC_VERSION_MINOR 1
#define CCHC_VERSION_PATCH 0
#define CCHC_VERSION_STRING "0.1.0"
/* major * 10000 + minor * 100 + patch, for preprocessor comparisons. */
#define CCHC_VERSION_NUMBER (CCHC_VERSION_MAJOR * 10000 + CCHC_VERSION_MINOR * 100 + CCHC_VERSION_PATCH)

#endif /* CCHC_VERSION_H */
