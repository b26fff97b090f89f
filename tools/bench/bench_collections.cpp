#include "bench_collections.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <numeric>
#include <stdexcept>

#include "classical_measures.h"
#include "core/evaluation/focus_map.h"
#include "core/training/trainer.h"

namespace twinsight::bench {
namespace {
namespace fs = std::filesystem;

struct Collection {
    std::string name;
    core::ImageSet images;
};

struct RunResult {
    std::string transform, mode, heldOut;
    std::uint64_t seed = 0;
    int trainImages = 0, testImages = 0;
    core::CorrelationStudy network;
    core::CorrelationStudy classical;
    bool hasClassical = false;
    core::TrainingSummary training;  // the model's own figures: validation, time, pairs/s
    double wallSeconds = 0.0;        // the whole training as a user waits for it: sampling and validations too
};

// The figure each transformation is judged by, and its target against the classical measure.
struct Target {
    bool bySpearman = true;
    const char* text = "";
};

Target targetFor(const std::string& transform) {
    if (transform == "blur") return {true, "Spearman >= 0.93 and classical + 0.05"};
    if (transform == "brightness") return {false, "Pearson >= 0.88 and classical + 0.05"};
    if (transform == "rotation") return {false, "Pearson >= 0.60"};
    if (transform == "jpeg") return {true, "Spearman >= 0.85, above classical"};
    if (transform == "contrast") return {false, "Pearson >= classical"};
    if (transform == "noise") return {true, "Spearman >= 0.98"};
    return {};
}

std::vector<Collection> loadCollections(const std::string& folder, int workingSize) {
    std::vector<Collection> collections;
    if (!fs::is_directory(folder)) throw std::runtime_error(folder + ": not a folder of collections");
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        const bool volume = entry.is_regular_file() && (name.size() > 4 && (name.substr(name.size() - 4) == ".nii" ||
                                                                          (name.size() > 7 && name.substr(name.size() - 7) == ".nii.gz")));
        if ((entry.is_directory() || volume) && !name.empty() && name[0] != '.') folders.push_back(entry.path());
    }
    std::sort(folders.begin(), folders.end());
    for (const fs::path& path : folders) {
        if (fs::is_directory(path)) {
            collections.push_back({path.filename().string(), core::loadImagesFrom({path.string()}, workingSize)});
            continue;
        }
        // A volume: its slices along each axis are a collection ("brain.nii.gz:x"), so that a model trained on
        // two axes is tested on the third.
        const std::pair<char, core::SliceAxes> axes[] = {
            {'x', core::SliceAxes::X}, {'y', core::SliceAxes::Y}, {'z', core::SliceAxes::Z}};
        for (const auto& [name, axis] : axes) {
            collections.push_back({path.filename().string() + ":" + name,
                                   core::loadImagesFrom({path.string()}, workingSize, 0, axis)});
        }
    }
    collections.erase(std::remove_if(collections.begin(), collections.end(),
                                     [](const Collection& c) { return c.images.images.empty(); }),
                      collections.end());
    for (const Collection& collection : collections)
        std::printf("collection %-10s %3zu images\n", collection.name.c_str(), collection.images.images.size());
    if (collections.size() < 2) throw std::runtime_error(folder + ": needs at least two collections of photos");
    return collections;
}

core::ImageSet mergedExcept(const std::vector<Collection>& collections, const std::string& excluded) {
    core::ImageSet merged;
    for (const Collection& collection : collections) {
        if (collection.name == excluded) continue;
        merged.paths.insert(merged.paths.end(), collection.images.paths.begin(), collection.images.paths.end());
        merged.images.insert(merged.images.end(), collection.images.images.begin(), collection.images.images.end());
    }
    return merged;
}

core::TrainerConfig configFor(const CollectionSettings& settings, const std::string& transform, std::uint64_t seed) {
    core::TrainerConfig config;
    config.transform = transform;
    config.seed = seed;
    config.device = settings.device;
    if (settings.steps > 0) config.steps = settings.steps;
    config.thorough = settings.thorough;
    if (settings.crossShare >= 0.0) config.crossImageShare = settings.crossShare;
    if (settings.linearity >= 0.0) config.linearityWeight = settings.linearity;
    if (settings.headWidth > 0) config.architecture.headWidth = settings.headWidth;
    if (!settings.widths.empty()) {
        if (settings.widths.size() != settings.strides.size())
            throw std::invalid_argument("give as many strides as widths");
        config.architecture.widths = settings.widths;
        config.architecture.strides = settings.strides;
    }
    return config;
}

RunResult runOne(const CollectionSettings& settings, const std::string& transform, const std::string& mode,
                 const Collection& test, const core::ImageSet& train, std::uint64_t seed) {
    const core::TrainerConfig config = configFor(settings, transform, seed);
    std::atomic_bool cancel{false};
    const auto start = std::chrono::steady_clock::now();
    const core::TrainingOutcome outcome = core::Trainer(config).run(train, {}, cancel);
    const double wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const core::TrainingSummary& summary = outcome.model.metadata().training;
    if (!settings.modelsOut.empty()) {
        fs::create_directories(settings.modelsOut);
        outcome.model.save((fs::path(settings.modelsOut) /
                            (transform + "-" + mode + "-" + test.name + "-" + std::to_string(seed) + ".twinsight"))
                               .string());
    }
    RunResult result;
    result.transform = transform;
    result.mode = mode;
    result.heldOut = test.name;
    result.seed = seed;
    result.trainImages = static_cast<int>(train.images.size());
    result.testImages = static_cast<int>(test.images.images.size());
    result.network =
        core::studyCorrelation(outcome.model.scorer(), test.images.images, config.effectiveRange(), settings.levels);
    result.training = summary;
    result.wallSeconds = wallSeconds;
    return result;
}

void appendRun(const std::string& file, const RunResult& r) {
    if (file.empty()) return;
    const core::TrainingSummary& t = r.training;
    const bool fresh = !fs::exists(file);
    std::ofstream out(file, std::ios::app);
    if (fresh) {
        out << "transform,mode,held_out,seed,n_train,n_test,pearson,spearman,pearson_low,pearson_high,spearman_low,"
               "spearman_high,val_pearson,val_pearson_low,val_pearson_high,val_spearman,val_spearman_low,"
               "val_spearman_high,val_median_abs_error,classical_pearson,classical_spearman,train_seconds,"
               "pairs_per_second,train_wall_seconds\n";
    }
    out << r.transform << "," << r.mode << "," << r.heldOut << "," << r.seed << "," << r.trainImages << ","
        << r.testImages << "," << r.network.pearson << "," << r.network.spearman << "," << r.network.pearsonInterval.low
        << "," << r.network.pearsonInterval.high << "," << r.network.spearmanInterval.low << ","
        << r.network.spearmanInterval.high << "," << t.valPearson << "," << t.valPearsonInterval.low << ","
        << t.valPearsonInterval.high << "," << t.valSpearman << "," << t.valSpearmanInterval.low << ","
        << t.valSpearmanInterval.high << "," << t.valMedianAbsError << ","
        << (r.hasClassical ? std::to_string(r.classical.pearson) : "") << ","
        << (r.hasClassical ? std::to_string(r.classical.spearman) : "") << "," << t.seconds << "," << t.pairsPerSecond
        << "," << r.wallSeconds << "\n";
}

struct Spread {
    double mean = 0.0, low = 0.0, high = 0.0;
};

Spread spreadOf(const std::vector<double>& values) {
    if (values.empty()) return {};
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    return {std::accumulate(values.begin(), values.end(), 0.0) / values.size(), *low, *high};
}

std::string text(const Spread& s) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3f [%.3f, %.3f]", s.mean, s.low, s.high);
    return buffer;
}

void printSummary(const std::vector<RunResult>& runs) {
    std::printf(
        "\nCross-collection quality (pooled over image x magnitude; mean [min, max] over seeds and held-out "
        "collections)\n");
    std::printf(
        "| transform | mode | runs | Pearson | Spearman | classical measure | classical Pearson | classical "
        "Spearman | judged by | gap to classical | inside own 90%% | target | train s | wall s |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    std::map<std::pair<std::string, std::string>, std::vector<const RunResult*>> groups;
    std::vector<std::pair<std::string, std::string>> order;
    for (const RunResult& run : runs) {
        auto key = std::make_pair(run.transform, run.mode);
        if (!groups.count(key)) order.push_back(key);
        groups[key].push_back(&run);
    }
    for (const auto& key : order) {
        const auto& group = groups[key];
        std::vector<double> p, s, cp, cs, gap, seconds, wall;
        int inside = 0;
        const Target target = targetFor(key.first);
        for (const RunResult* run : group) {
            p.push_back(run->network.pearson);
            s.push_back(run->network.spearman);
            seconds.push_back(run->training.seconds);
            wall.push_back(run->wallSeconds);
            const double judged = target.bySpearman ? run->network.spearman : run->network.pearson;
            const core::Interval& own =
                target.bySpearman ? run->training.valSpearmanInterval : run->training.valPearsonInterval;
            inside += own.contains(judged) ? 1 : 0;
            if (run->hasClassical) {
                cp.push_back(run->classical.pearson);
                cs.push_back(run->classical.spearman);
                gap.push_back(judged - (target.bySpearman ? run->classical.spearman : run->classical.pearson));
            }
        }
        const bool classical = !cp.empty();
        std::printf("| %s | %s | %zu | %s | %s | %s | %s | %s | %s | %s | %d of %zu | %s | %.0f | %.0f |\n",
                    key.first.c_str(), key.second.c_str(), group.size(), text(spreadOf(p)).c_str(),
                    text(spreadOf(s)).c_str(), classical ? classicalMeasureFor(key.first)->name.c_str() : "-",
                    classical ? text(spreadOf(cp)).c_str() : "-", classical ? text(spreadOf(cs)).c_str() : "-",
                    target.bySpearman ? "Spearman" : "Pearson", classical ? text(spreadOf(gap)).c_str() : "-", inside,
                    group.size(), target.text, spreadOf(seconds).mean, spreadOf(wall).mean);
    }
    std::fflush(stdout);
}

}  // namespace

void runCollectionBenchmark(const CollectionSettings& settings, const std::vector<std::string>& transforms) {
    const int workingSize = core::TrainerConfig{}.workingSize;
    std::vector<Collection> collections = loadCollections(settings.folder, workingSize);
    if (settings.detailOnly) {
        // Empty slices at a volume's ends show no degradation to either measure: left out of training and test alike.
        for (Collection& collection : collections) {
            core::ImageSet kept;
            for (std::size_t i = 0; i < collection.images.images.size(); ++i) {
                if (core::hasNoDetail(collection.images.images[i])) continue;
                kept.paths.push_back(collection.images.paths[i]);
                kept.images.push_back(collection.images.images[i]);
            }
            std::printf("collection %-10s %3zu images with detail\n", collection.name.c_str(), kept.images.size());
            collection.images = std::move(kept);
        }
    }
    std::vector<RunResult> runs;
    for (const std::string& transform : transforms) {
        const auto classical = classicalMeasureFor(transform);
        const core::Range range = core::findTransform(transform).defaultRange();
        for (const Collection& test : collections) {
            const auto& wanted = settings.heldOut;
            if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), test.name) == wanted.end()) continue;
            core::CorrelationStudy classicalStudy;
            if (classical) {
                classicalStudy = core::studyCorrelation(core::findTransform(transform), classical->measure,
                                                        test.images.images, range, settings.levels);
            }
            const core::ImageSet others = mergedExcept(collections, test.name);
            for (const std::string& mode : settings.modes) {
                if (mode != "leave-out" && mode != "self") throw std::invalid_argument("unknown mode '" + mode + "'");
                for (std::uint64_t seed : settings.seeds) {
                    std::fprintf(stderr, "%s %s %s seed %llu...\n", transform.c_str(), mode.c_str(), test.name.c_str(),
                                 static_cast<unsigned long long>(seed));
                    RunResult run =
                        runOne(settings, transform, mode, test, mode == "self" ? test.images : others, seed);
                    run.classical = classicalStudy;
                    run.hasClassical = classical.has_value();
                    std::fprintf(stderr,
                                 "  pearson %.3f spearman %.3f (classical %.3f / %.3f), val spearman %.3f "
                                 "[%.3f, %.3f], %.0f s optimising, %.0f s in all\n",
                                 run.network.pearson, run.network.spearman, run.classical.pearson,
                                 run.classical.spearman, run.training.valSpearman, run.training.valSpearmanInterval.low,
                                 run.training.valSpearmanInterval.high, run.training.seconds, run.wallSeconds);
                    appendRun(settings.runsOut, run);
                    runs.push_back(std::move(run));
                }
            }
        }
    }
    printSummary(runs);
}

}  // namespace twinsight::bench
