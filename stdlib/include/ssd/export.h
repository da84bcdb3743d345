/* SSD_API marks what the runtime library exports: the C API (ssd.h) and the public C++ API. The
 * library is built with hidden visibility, so nothing else is seen from outside. Define
 * SSD_STATIC when linking the static library on Windows. (C and C++.) */
#ifndef SSD_EXPORT_H
#define SSD_EXPORT_H

#if defined(_WIN32)
#if defined(SSD_STATIC)
#define SSD_API
#elif defined(SSD_BUILDING)
#define SSD_API __declspec(dllexport)
#else
#define SSD_API __declspec(dllimport)
#endif
#else
#define SSD_API __attribute__((visibility("default")))
#endif

#endif /* SSD_EXPORT_H */
