#include "ui/jobs/analysis_jobs.h"

#include <algorithm>
#include <stdexcept>

#include "core/evaluation/focus_map.h"
#include "core/imageio/image_loading.h"
#include "ui/support/cv_image.h"

namespace twinsight::ui {

SelectedImage loadSelectedImage(const QString& path, int displaySide) {
    SelectedImage selected;
    selected.path = path;
    selected.decoded = core::loadImage(path.toStdString(), displaySide);
    selected.displaySide = displaySide;
    selected.display = toQImage(selected.decoded);
    return selected;
}

cv::Mat workingCopy(const SelectedImage& image, int workingSize) {
    const bool reduced = std::min(image.decoded.cols, image.decoded.rows) >= image.displaySide;
    if (workingSize > image.displaySide && reduced) return core::loadImage(image.path.toStdString(), workingSize);
    return core::toWorkingSize(image.decoded, workingSize);
}

QImage focusMapImage(const core::TrainedModel& model, const cv::Mat& workingImage) {
    const core::FocusMap map = core::focusMap(model, workingImage);
    return toQImage(core::renderFocusMap(workingImage, map, model.transform().noticeableMagnitude()));
}

SweepResult computeSweep(const core::TrainedModel& model, const SelectedImage& image, int levels,
                         std::optional<core::ImageEstimate> own) {
    const core::ModelMetadata& metadata = model.metadata();
    const cv::Mat working = workingCopy(image, metadata.workingSize);
    SweepResult result;
    result.path = image.path;
    result.rows = core::sweepImage(model.scorer(), working, metadata.range, levels, metadata.calibration);
    result.own = own ? *own : model.estimate({working}).front();
    return result;
}

core::CorrelationStudy studyFolderImages(const core::TrainedModel& model, const std::vector<std::string>& paths,
                                         int maxImages, int levels, std::vector<std::string>* studied) {
    std::vector<std::string> picked;
    const std::size_t count = std::min<std::size_t>(paths.size(), static_cast<std::size_t>(maxImages));
    for (std::size_t i = 0; i < count; ++i) picked.push_back(paths[i * paths.size() / count]);
    const core::ImageSet images = core::loadImages(picked, model.metadata().workingSize);
    if (images.images.size() < 2) throw std::runtime_error("a correlation study needs at least 2 readable images");
    if (studied) *studied = images.paths;
    return core::studyCorrelation(model.scorer(), images.images, model.metadata().range, levels);
}

}  // namespace twinsight::ui
