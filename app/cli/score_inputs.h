#pragma once
// What `score` and `report` both start from: one model per transformation, and the PATH arguments checked.

#include <string>
#include <vector>

#include "core/model/trained_model.h"

namespace twinsight::cli {

// Loads each model file; a second model of one transformation is a UsageError.
std::vector<core::TrainedModel> loadModelsOnePerTransform(const std::vector<std::string>& files,
                                                          const std::string& device);

// A mistyped PATH argument is an error ("PATH: no such file or folder"); a dangling link or a loop is there, and is
// reported when it is loaded.
void requirePathArguments(const std::vector<std::string>& paths);

}  // namespace twinsight::cli
