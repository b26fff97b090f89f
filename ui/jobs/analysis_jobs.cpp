#include "ui/jobs/analysis_jobs.h"

#include <stdexcept>

#include "core/imageio/image_loading.h"
#include "ui/support/cv_image.h"

namespace twinsight::ui {

LoadedImage loadSelectedImage(const QString& path, int displaySide, int workingSize) {
    const std::string file = path.toStdString();
    LoadedImage loaded;
    loaded.path = path;
    loaded.display = toQImage(core::loadImage(file, displaySide));
    loaded.working = core::loadImage(file, workingSize);
    return loaded;
}

SweepResult computeSweep(const core::TrainedModel& model, const QString& path, int levels) {
    const core::ModelMetadata& metadata = model.metadata();
    const cv::Mat image = core::loadImage(path.toStdString(), metadata.workingSize);
    SweepResult result;
    result.path = path;
    result.rows = core::sweepImage(model.scorer(), image, metadata.range, levels, metadata.calibration);
    result.own = model.estimate({image}).front();
    return result;
}

core::CorrelationStudy studyFolderImages(const core::TrainedModel& model, const std::vector<std::string>& paths,
                                         int maxImages, int levels) {
    std::vector<std::string> picked;
    const std::size_t count = std::min<std::size_t>(paths.size(), static_cast<std::size_t>(maxImages));
    for (std::size_t i = 0; i < count; ++i) picked.push_back(paths[i * paths.size() / count]);
    const core::ImageSet images = core::loadImages(picked, model.metadata().workingSize);
    if (images.images.size() < 2) throw std::runtime_error("a correlation study needs at least 2 readable images");
    return core::studyCorrelation(model.scorer(), images.images, model.metadata().range, levels);
}

}  // namespace twinsight::ui
