#pragma once

/// Marks a declaration of the SDK library as visible to plugins, which are built with hidden
/// visibility: types thrown or passed across the library boundary must carry it.
#define CADRE_SDK_API __attribute__((visibility("default")))
