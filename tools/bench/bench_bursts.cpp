#include "bench_bursts.h"

#include <exiv2/exiv2.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include <opencv2/imgcodecs.hpp>

#include "classical_measures.h"
#include "core/base/statistics.h"
#include "core/imageio/image_loading.h"
#include "core/model/trained_model.h"
#include "core/samples/sample_bursts.h"
#include "core/scoring/bursts.h"

namespace twinsight::bench {

namespace {
// Photos are read at this shorter side before the bursts are cut from them: their own resolution, for the
// collections' photos (512 to 1024 px), and a bound on the time.
constexpr int kPhotoSide = 768;
// Shots per burst: 2 to 5, in turn.
constexpr int kFewestShots = 2;
constexpr int kShotChoices = 4;
// Capture times when they are simulated: shots of a burst 0.3 s apart, scenes 1 to 10 s apart (a walk between).
constexpr double kShotInterval = 0.3;

struct BurstRun {
    double exactGroups = 0;       // share of bursts that came out as exactly one group
    double exactGroupsTimed = 0;  // the same with capture times
    double modelPicks = 0;        // share of bursts whose sharp shot the model ranks first (the true groups)
    double modelPicksFound = 0;   // ... and is the only best of its burst in the groups found (looks only)
    double laplacianPicks = 0;    // share the variance of the Laplacian ranks first
    std::vector<double> withinLooks, betweenLooks;
};

BurstRun runOne(const core::TrainedModel& model, const core::ImageSet& photos, int seed,
                const core::BurstOptions& grouping) {
    const int workingSize = model.metadata().workingSize;
    std::vector<core::BurstShot> shots;
    std::vector<int> truth;
    std::vector<double> estimates;
    std::vector<int> sharpest;  // index into shots
    BurstRun run;
    int laplacianHits = 0, modelHits = 0;
    double time = 0.0;
    for (std::size_t p = 0; p < photos.images.size(); ++p) {
        const int count = kFewestShots + static_cast<int>(p) % kShotChoices;
        const core::SampleBurst burst = core::makeSampleBurst(photos.images[p], count, seed * 1000 + p);
        std::vector<cv::Mat> working;
        for (const cv::Mat& shot : burst.shots) working.push_back(core::toWorkingSize(shot, workingSize));
        const std::vector<core::ImageEstimate> scored = model.estimate(working);
        int bestModel = 0, bestLaplacian = 0;
        std::vector<double> laplacians;
        for (std::size_t s = 0; s < working.size(); ++s) laplacians.push_back(laplacianVariance(working[s]));
        for (int s = 0; s < count; ++s) {
            if (scored[s].estimate < scored[bestModel].estimate) bestModel = s;
            if (laplacians[s] > laplacians[bestLaplacian]) bestLaplacian = s;
            core::BurstShot shot;
            shot.path = photos.paths[p] + "#burst" + std::to_string(s);
            shot.look = core::burstLook(working[s]);
            shot.time = time;
            time += kShotInterval;
            if (!shots.empty() && truth.back() == static_cast<int>(p))
                run.withinLooks.push_back(core::lookSimilarity(shots.back().look, shot.look));
            else if (!shots.empty())
                run.betweenLooks.push_back(core::lookSimilarity(shots.back().look, shot.look));
            shots.push_back(shot);
            truth.push_back(static_cast<int>(p));
            estimates.push_back(scored[s].estimate);
        }
        sharpest.push_back(static_cast<int>(shots.size()) - count + burst.sharpest);
        modelHits += bestModel == burst.sharpest ? 1 : 0;
        laplacianHits += bestLaplacian == burst.sharpest ? 1 : 0;
        time += 1.0 + 9.0 * ((p * 7919 + seed) % 100) / 100.0;
    }
    const auto exactShare = [&](const std::vector<int>& found) {
        int exact = 0;
        for (std::size_t p = 0; p < photos.images.size(); ++p) {
            std::vector<int> members, groupOfMembers;
            for (std::size_t s = 0; s < shots.size(); ++s) {
                if (truth[s] == static_cast<int>(p)) groupOfMembers.push_back(found[s]);
            }
            const int group = groupOfMembers.front();
            const bool together =
                std::all_of(groupOfMembers.begin(), groupOfMembers.end(), [&](int g) { return g == group; });
            const auto size = std::count(found.begin(), found.end(), group);
            exact += together && size == static_cast<long>(groupOfMembers.size()) ? 1 : 0;
        }
        return double(exact) / photos.images.size();
    };
    std::vector<core::BurstShot> untimed = shots;
    for (core::BurstShot& shot : untimed) shot.time.reset();
    const std::vector<int> found = core::groupBursts(untimed, grouping);
    run.exactGroups = exactShare(found);
    run.exactGroupsTimed = exactShare(core::groupBursts(shots, grouping));
    const std::vector<bool> best = core::bestOfGroups(found, estimates);
    int foundHits = 0;
    for (std::size_t p = 0; p < photos.images.size(); ++p) {
        int bests = 0;
        for (std::size_t s = 0; s < shots.size(); ++s) bests += truth[s] == static_cast<int>(p) && best[s] ? 1 : 0;
        foundHits += best[static_cast<std::size_t>(sharpest[p])] && bests == 1 ? 1 : 0;
    }
    const double bursts = double(photos.images.size());
    run.modelPicks = modelHits / bursts;
    run.modelPicksFound = foundHits / bursts;
    run.laplacianPicks = laplacianHits / bursts;
    return run;
}

// EXIF DateTimeOriginal and SubSecTimeOriginal for `seconds` after 2024-05-17 10:00:00.
void writeCaptureTime(const std::string& path, double seconds) {
    const int whole = static_cast<int>(seconds);
    char taken[32], fraction[8];
    std::snprintf(taken, sizeof taken, "2024:05:17 %02d:%02d:%02d", 10 + whole / 3600, whole / 60 % 60, whole % 60);
    std::snprintf(fraction, sizeof fraction, "%02d", static_cast<int>((seconds - whole) * 100.0 + 0.5) % 100);
    auto image = Exiv2::ImageFactory::open(path);
    image->readMetadata();
    Exiv2::ExifData exif = image->exifData();
    exif["Exif.Photo.DateTimeOriginal"] = std::string(taken);
    exif["Exif.Photo.SubSecTimeOriginal"] = std::string(fraction);
    image->setExifData(exif);
    image->writeMetadata();
}

double percentile(const std::vector<double>& values, double percent) {
    return values.empty() ? 0.0 : core::percentile(values, percent);
}

// "0.912 [0.850, 0.960]": the mean with the lowest and highest run.
std::string meanAndRange(const std::vector<double>& values) {
    double sum = 0.0;
    for (const double value : values) sum += value;
    char text[64];
    std::snprintf(text, sizeof text, "%.3f [%.3f, %.3f]", sum / values.size(),
                  *std::min_element(values.begin(), values.end()), *std::max_element(values.begin(), values.end()));
    return text;
}
}  // namespace

void runBurstBenchmark(const BurstSettings& settings) {
    if (settings.models.size() != 1 && settings.models.size() != settings.folders.size())
        throw std::invalid_argument("--burst-model: give one model, or one per --bursts folder");
    std::printf(
        "\nBursts (one per photo, 2-5 shots: framing varied, one sharp, the others blurred by 0.5-2.5 px at "
        "256 px)\n");
    std::printf(
        "| collection | model | seed | bursts | exact groups, looks only | with capture times | sharp shot picked: "
        "model | in the groups found | variance of the Laplacian | looks within a burst, 5th pct | between "
        "neighbours, 95th pct |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    std::vector<double> exact, exactTimed, picks, picksFound, laplacian;
    std::vector<double> within, between;
    for (std::size_t f = 0; f < settings.folders.size(); ++f) {
        const std::string& folder = settings.folders[f];
        const std::string& modelPath = settings.models[settings.models.size() == 1 ? 0 : f];
        const core::TrainedModel model = core::TrainedModel::load(modelPath);
        const core::ImageSet photos = core::loadImagesFrom({folder}, kPhotoSide);
        for (const int seed : settings.seeds) {
            const BurstRun run = runOne(model, photos, seed, settings.grouping);
            std::printf("| %s | %s | %d | %zu | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n",
                        std::filesystem::path(folder).filename().c_str(),
                        std::filesystem::path(modelPath).filename().c_str(), seed, photos.images.size(),
                        run.exactGroups, run.exactGroupsTimed, run.modelPicks, run.modelPicksFound, run.laplacianPicks,
                        percentile(run.withinLooks, 5.0), percentile(run.betweenLooks, 95.0));
            std::fflush(stdout);
            exact.push_back(run.exactGroups);
            exactTimed.push_back(run.exactGroupsTimed);
            picks.push_back(run.modelPicks);
            picksFound.push_back(run.modelPicksFound);
            laplacian.push_back(run.laplacianPicks);
            within.insert(within.end(), run.withinLooks.begin(), run.withinLooks.end());
            between.insert(between.end(), run.betweenLooks.begin(), run.betweenLooks.end());
        }
    }
    std::printf(
        "| **mean [min, max] over collections and seeds** | | | | %s | %s | %s | %s | %s | min %.3f | max %.3f |\n",
        meanAndRange(exact).c_str(), meanAndRange(exactTimed).c_str(), meanAndRange(picks).c_str(),
        meanAndRange(picksFound).c_str(), meanAndRange(laplacian).c_str(),
        *std::min_element(within.begin(), within.end()), *std::max_element(between.begin(), between.end()));
    std::printf("(a look similarity under %.2f starts a new group, under %.2f within %.1f s)\n",
                settings.grouping.minSimilarity, settings.grouping.minSimilarityWithinGap,
                settings.grouping.maxGapSeconds);
}

void writeBurstFolder(const BurstSettings& settings, const std::string& out) {
    std::filesystem::create_directories(out);
    int number = 1;
    double time = 0.0;
    const int seed = settings.seeds.empty() ? 1 : settings.seeds.front();
    for (const std::string& folder : settings.folders) {
        const core::ImageSet photos = core::loadImagesFrom({folder}, kPhotoSide);
        for (std::size_t p = 0; p < photos.images.size(); ++p) {
            const int count = kFewestShots + static_cast<int>(p) % kShotChoices;
            const core::SampleBurst burst = core::makeSampleBurst(photos.images[p], count, seed * 1000 + p);
            for (const cv::Mat& shot : burst.shots) {
                char name[32];
                std::snprintf(name, sizeof name, "IMG_%04d.jpg", number++);
                const std::string path = (std::filesystem::path(out) / name).string();
                cv::imwrite(path, shot, {cv::IMWRITE_JPEG_QUALITY, 92});
                writeCaptureTime(path, time);
                time += kShotInterval;
            }
            time += 1.0 + 9.0 * ((p * 7919 + seed) % 100) / 100.0;
        }
    }
    std::printf("wrote %d shots into %s\n", number - 1, out.c_str());
}

}  // namespace twinsight::bench
