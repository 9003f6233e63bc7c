#include "support/test_paths.hpp"
