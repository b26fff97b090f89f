#pragma once
// Results per series, as a technician thinks of them: which acquisition to repeat. A series is a volume or a
// multi-frame file (its slices or frames), or a folder (a DICOM series folder of single-frame files, or any folder
// of images).

#include <set>
#include <string>
#include <vector>

#include "core/model/model_metadata.h"
#include "core/scoring/file_scoring.h"

namespace twinsight::core {

// The series of an image name: FILE for FILE#K and FILE#z:K, else the folder the file is in.
std::string seriesOf(const std::string& imageName);

struct SeriesSummary {
    std::string series;
    int images = 0;               // scored images of the series
    double medianEstimate = 0.0;  // of the ranking model, in its unit, over the images with detail
    double worstEstimate = 0.0;   // the most degraded image's estimate (never one without detail, unless all are)
    std::string worstImage;
    int flagged = 0;              // images any model flags
};

// How degraded an estimate is by the ranking model: the estimate itself, or its distance from 0 for a signed range
// (darker and brighter alike).
double degradation(double estimate, const Range& range);

// One summary per series of `scores`, by the estimates of model `column` (whose range is `range`), worst series
// first (by their worst image; ties by name). `flagged`: the flagged images' names.
std::vector<SeriesSummary> summariseSeries(const MultiModelScores& scores, std::size_t column, const Range& range,
                                           const std::set<std::string>& flagged);

}  // namespace twinsight::core
