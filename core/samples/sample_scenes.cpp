#include "core/samples/sample_scenes.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <string>
#include <system_error>

#include "core/base/atomic_file.h"
#include "core/samples/internal/sample_scene_painter.h"

namespace twinsight::core {
namespace {

using scene::pickColour;
using scene::SceneLayout;
using scene::SceneRng;
using scene::Span;

// Sky and ground colours in fixed point: 8 fractional bits keep the blends exact integers.
constexpr int kFixedOne = 256;

std::uint64_t splitMix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// Smooth random field (0 to 255) with features about `cellX` by `cellY` pixels: random bytes on a coarse grid,
// enlarged with OpenCV's bit-exact bilinear resize so that the pixels are the same on every platform.
cv::Mat valueNoise(SceneRng& rng, cv::Size size, double cellX, double cellY) {
    const cv::Size grid(std::max(2, cvCeil(size.width / cellX) + 1), std::max(2, cvCeil(size.height / cellY) + 1));
    cv::Mat coarse(grid, CV_8UC1);
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < coarse.total(); ++i) {
        bits = (i % 8 == 0) ? rng.bits() : bits >> 8;
        coarse.data[i] = static_cast<uchar>(bits & 0xFF);
    }
    if (cellX <= 1.0 && cellY <= 1.0) return coarse(cv::Rect({0, 0}, size)).clone();
    cv::Mat fine;
    cv::resize(coarse, fine, size, 0, 0, cv::INTER_LINEAR_EXACT);
    return fine;
}

SceneLayout makeLayout(SceneRng& rng, cv::Size size) {
    SceneLayout layout;
    layout.size = size;
    layout.unit = std::min(size.width, size.height) / 360.0;
    layout.detail = rng.uniform(0.6, 1.4);
    const double centreRow = size.height * rng.uniform(0.36, 0.62);
    const double slope = std::tan(rng.uniform(-3.0, 3.0) * CV_PI / 180.0);  // a hand-held camera's tilt
    const double hillHeight = rng.chance(0.5) ? size.height * rng.uniform(0.02, 0.09) : 0.0;
    const double waveA = rng.uniform(0.3, 1.2) * size.width, phaseA = rng.uniform(0.0, 2 * CV_PI);
    const double waveB = rng.uniform(0.15, 0.4) * size.width, phaseB = rng.uniform(0.0, 2 * CV_PI);
    layout.horizon.resize(size.width);
    for (int x = 0; x < size.width; ++x) {
        const double hills =
            0.8 * (1 + std::sin(2 * CV_PI * x / waveA + phaseA)) + 0.2 * (1 + std::sin(2 * CV_PI * x / waveB + phaseB));
        const double row = centreRow + (x - size.width / 2.0) * slope - hillHeight * hills / 2;
        layout.horizon[x] = std::clamp(cvRound(row), size.height / 5, size.height * 4 / 5);
    }
    return layout;
}

// Ground materials (hue, saturation, value): grass, ripe field, bare soil, gravel; all darker than any sky.
constexpr std::array<std::array<Span, 3>, 4> kMaterials{{{{{75, 130}, {0.35, 0.7}, {0.35, 0.6}}},
                                                         {{{35, 55}, {0.4, 0.7}, {0.45, 0.65}}},
                                                         {{{18, 35}, {0.3, 0.55}, {0.35, 0.55}}},
                                                         {{{20, 60}, {0.0, 0.15}, {0.35, 0.6}}}}};
// Skies (zenith, then horizon): clear, overcast, dusk; the horizon always the brighter, as in real skies.
constexpr std::array<std::array<Span, 6>, 3> kSkies{{
    {{{200, 225}, {0.4, 0.75}, {0.75, 0.95}, {195, 215}, {0.08, 0.3}, {0.9, 1.0}}},
    {{{200, 230}, {0.05, 0.15}, {0.7, 0.85}, {200, 230}, {0.02, 0.08}, {0.85, 0.95}}},
    {{{210, 235}, {0.35, 0.6}, {0.65, 0.8}, {20, 40}, {0.3, 0.55}, {0.9, 1.0}}},
}};

cv::Scalar groundColour(SceneRng& rng, int material) {
    const auto& spans = kMaterials[material];
    return pickColour(rng, spans[0], spans[1], spans[2]);
}

// Flat colours of the fields (and sometimes a road), as wedges from one vanishing point on the horizon.
void paintGroundColours(cv::Mat& image, SceneRng& rng, const SceneLayout& layout) {
    const int width = layout.size.width, height = layout.size.height;
    const int material = rng.uniformInt(0, 3);
    image.setTo(groundColour(rng, material));
    const double vanishX = rng.uniform(0.15, 0.85) * width;
    const cv::Point vanish(cvRound(vanishX), layout.horizonAt(vanishX));
    const int fields = rng.uniformInt(0, 4);
    const bool road = rng.chance(0.3);
    for (int i = 0; i < fields + (road ? 1 : 0); ++i) {
        const double left = rng.uniform(-1.0, 1.6) * width, right = left + rng.uniform(0.15, 0.8) * width;
        const std::vector<cv::Point> wedge{vanish, {cvRound(left), height}, {cvRound(right), height}};
        const bool isRoad = road && i == fields;
        const int fieldMaterial = isRoad ? 3 : (rng.chance(0.6) ? material : rng.uniformInt(0, 3));
        const cv::Scalar colour = isRoad ? cv::Scalar::all(rng.uniform(65, 100)) : groundColour(rng, fieldMaterial);
        cv::fillPoly(image, std::vector<std::vector<cv::Point>>{wedge}, colour, cv::LINE_AA);
        const int furrows = isRoad ? 0 : (rng.chance(0.5) ? rng.uniformInt(5, 30) : 0);
        for (int k = 1; k < furrows; ++k) {  // rows of crops converging on the vanishing point
            const int x = cvRound(left + (right - left) * k / furrows);
            cv::line(image, vanish, {x, height}, scene::shade(colour, 0.7), 1, cv::LINE_AA);
        }
        if (isRoad) {
            const double mid = (left + right) / 2, dashes = rng.uniformInt(4, 9);
            for (int k = 0; k < dashes; k += 2) {  // centre line: dashes that shrink towards the horizon
                const auto at = [&](double t) {
                    return cv::Point(cvRound(vanish.x + (mid - vanish.x) * t * t),
                                     cvRound(vanish.y + (height - vanish.y) * t * t));
                };
                cv::line(image, at((k + 1) / dashes), at((k + 2) / dashes), {230, 230, 230}, layout.px(2), cv::LINE_AA);
            }
        }
    }
}

// One layer of ground texture: `crisp` layers are thresholded (sharp-edged stones, leaves, clods), the others smooth.
struct TextureLayer {
    cv::Mat noise;
    int amplitude = 0;
    bool crisp = false;
};

// Ground seen at a grazing angle: texture at several scales, flattened vertically, from patches down to grit.
std::vector<TextureLayer> groundLayers(SceneRng& rng, const SceneLayout& layout) {
    const double unit = layout.unit, flat = rng.uniform(0.4, 0.8);
    const auto layer = [&](double cell, double low, double high, bool crisp) {
        return TextureLayer{valueNoise(rng, layout.size, cell, std::max(1.0, cell * flat)),
                            cvRound(rng.uniform(low, high) * layout.detail), crisp};
    };
    return {layer(60 * unit, 25, 60, false), layer(16 * unit, 15, 40, false), layer(12 * unit, 5, 30, true),
            layer(5 * unit, 10, 35, true),   layer(2.2 * unit, 10, 40, true), layer(1.0, 4, 16, false)};
}

// Multiplies the ground by its texture and a slow colour drift (dry or lush patches), in fixed point so that the
// result is exact; blur is then measurable almost everywhere on the ground.
void applyGroundTexture(cv::Mat& image, SceneRng& rng, const SceneLayout& layout) {
    const std::vector<TextureLayer> layers = groundLayers(rng, layout);
    const cv::Mat drift = valueNoise(rng, layout.size, 45 * layout.unit, 30 * layout.unit);
    cv::Vec3i tint;
    for (int c = 0; c < 3; ++c) tint[c] = rng.uniformInt(-18, 18);
    const int lowestHorizon = *std::min_element(layout.horizon.begin(), layout.horizon.end());
    for (int y = lowestHorizon; y < image.rows; ++y) {
        auto* row = image.ptr<uchar>(y);
        for (int x = 0; x < image.cols; ++x) {
            int factor = kFixedOne;
            for (const TextureLayer& layer : layers) {
                const int value = layer.noise.at<uchar>(y, x) - 128;
                factor +=
                    layer.crisp ? (value >= 0 ? layer.amplitude : -layer.amplitude) : layer.amplitude * value / 128;
            }
            const int shift = drift.at<uchar>(y, x) - 128;
            for (int c = 0; c < 3; ++c) {
                const int channel = factor + tint[c] * shift / 128;
                row[3 * x + c] = cv::saturate_cast<uchar>(row[3 * x + c] * channel / kFixedOne);
            }
        }
    }
}

struct SkyColours {
    cv::Vec3i zenith, horizon, cloud;  // BGR, 0 to 255
};

SkyColours pickSkyColours(SceneRng& rng) {
    const double draw = rng.uniform(0.0, 1.0);
    const auto& spans = kSkies[draw < 0.6 ? 0 : (draw < 0.8 ? 1 : 2)];  // clear skies are the commonest
    const cv::Scalar zenith = pickColour(rng, spans[0], spans[1], spans[2]);
    const cv::Scalar horizon = pickColour(rng, spans[3], spans[4], spans[5]);
    const double cloud = rng.uniform(0.85, 1.0);
    return {cv::Vec3i(cvRound(zenith[0]), cvRound(zenith[1]), cvRound(zenith[2])),
            cv::Vec3i(cvRound(horizon[0]), cvRound(horizon[1]), cvRound(horizon[2])),
            cv::Vec3i(cvRound(250 * cloud), cvRound(248 * cloud), cvRound(245 * cloud))};
}

// Soft clouds: blurred noise, 0 (clear) to 255 (thick). Integer steps and OpenCV's bit-exact 8-bit Gaussian keep
// the pixels the same on every platform.
cv::Mat cloudCover(SceneRng& rng, const SceneLayout& layout, int rows) {
    const cv::Size size(layout.size.width, rows);
    const cv::Mat large = valueNoise(rng, size, 120 * layout.unit, 60 * layout.unit);
    const cv::Mat middle = valueNoise(rng, size, 40 * layout.unit, 25 * layout.unit);
    const cv::Mat small = valueNoise(rng, size, 12 * layout.unit, 12 * layout.unit);
    cv::Mat cover(size, CV_8UC1);
    for (std::size_t i = 0; i < cover.total(); ++i) {
        cover.data[i] = static_cast<uchar>((6 * large.data[i] + 3 * middle.data[i] + small.data[i]) / 10);
    }
    cv::GaussianBlur(cover, cover, cv::Size(0, 0), 4 * layout.unit);
    const int threshold = rng.chance(0.25) ? 255 : rng.uniformInt(100, 165);  // a quarter of skies are cloudless
    const int gain = rng.uniformInt(3, 8);                                    // soft or crisp cloud edges
    for (std::size_t i = 0; i < cover.total(); ++i)
        cover.data[i] = cv::saturate_cast<uchar>((cover.data[i] - threshold) * gain);
    return cover;
}

// Vertical gradient from the zenith to the horizon with clouds that turn grey where thick; below the horizon, a haze
// fades the distant ground into the horizon's colour (aerial perspective).
void paintSky(cv::Mat& image, SceneRng& rng, const SceneLayout& layout) {
    const SkyColours colours = pickSkyColours(rng);
    const cv::Mat cover = cloudCover(rng, layout, *std::max_element(layout.horizon.begin(), layout.horizon.end()));
    const int hazeDepth = std::max(2, cvRound(layout.size.height * rng.uniform(0.04, 0.15)));
    const int hazeStrength = cvRound(rng.uniform(0.2, 0.6) * kFixedOne);
    for (int x = 0; x < image.cols; ++x) {
        const int horizonRow = layout.horizon[x];
        for (int y = 0; y < std::min(image.rows, horizonRow + hazeDepth); ++y) {
            const int height = std::min(kFixedOne, y * kFixedOne / horizonRow);  // 0 at the top, 256 at the horizon
            const int fade = std::max(0, horizonRow + hazeDepth - y) * kFixedOne / hazeDepth;
            const int alpha = y < horizonRow ? cover.at<uchar>(y, x) : 0;
            const int cloudShade = kFixedOne - alpha / 10, haze = hazeStrength * fade / kFixedOne * fade / kFixedOne;
            auto& pixel = image.at<cv::Vec3b>(y, x);
            for (int c = 0; c < 3; ++c) {
                const int sky = (colours.zenith[c] * (kFixedOne - height) + colours.horizon[c] * height) / kFixedOne;
                const int cloud = colours.cloud[c] * cloudShade / kFixedOne;
                pixel[c] =
                    static_cast<uchar>(y < horizonRow ? (sky * (255 - alpha) + cloud * alpha) / 255
                                                      : (pixel[c] * (kFixedOne - haze) + sky * haze) / kFixedOne);
            }
        }
    }
}

// Brings the mean level near `target` with a gamma curve, which, unlike a gain, never clips the sky.
void setExposure(cv::Mat& image, double target) {
    const cv::Scalar mean = cv::mean(image);
    const double level = std::clamp((mean[0] + mean[1] + mean[2]) / (3 * 255.0), 0.05, 0.95);
    const double gamma = std::clamp(std::log(target / 255.0) / std::log(level), 0.5, 2.0);  // stronger flattens
    cv::Mat lut(1, 256, CV_8UC1);
    for (int v = 0; v < 256; ++v) lut.data[v] = cv::saturate_cast<uchar>(255.0 * std::pow(v / 255.0, gamma));
    cv::LUT(image, lut, image);
}

// Sensor-like luminance grain, nearly Gaussian: the sum of four 16-bit uniforms (mean 131070, sd 37837).
void addGrain(cv::Mat& image, SceneRng& rng, double sigma) {
    const std::int64_t scale = std::llround(sigma * (1 << 16) / 37837.0);
    for (int y = 0; y < image.rows; ++y) {
        auto* row = image.ptr<uchar>(y);
        for (int x = 0; x < image.cols; ++x) {
            const std::uint64_t bits = rng.bits();
            const std::int64_t sum = static_cast<std::int64_t>((bits & 0xFFFF) + ((bits >> 16) & 0xFFFF) +
                                                               ((bits >> 32) & 0xFFFF) + (bits >> 48));
            const int noise = static_cast<int>(((sum - 131070) * scale + (1 << 15)) >> 16);
            for (int c = 0; c < 3; ++c) row[3 * x + c] = cv::saturate_cast<uchar>(row[3 * x + c] + noise);
        }
    }
}

// A camera's finish: some lenses slightly soft, exposure varied, and a little sensor grain on most scenes.
void finishLikeACamera(cv::Mat& image, SceneRng& rng) {
    if (rng.chance(0.4)) cv::GaussianBlur(image, image, cv::Size(0, 0), rng.uniform(0.25, 0.6));
    setExposure(image, rng.uniform(90.0, 160.0));
    if (rng.chance(0.6)) addGrain(image, rng, rng.uniform(0.4, 1.6));
}

}  // namespace

cv::Mat renderSampleScene(std::uint64_t seed, int index, cv::Size size) {
    if (size.width < kMinSampleSceneSide || size.height < kMinSampleSceneSide) {
        throw std::invalid_argument("sample scene size " + std::to_string(size.width) + "x" +
                                    std::to_string(size.height) + " is too small: both sides must be at least " +
                                    std::to_string(kMinSampleSceneSide) + " pixels");
    }
    SceneRng rng(splitMix64(seed ^ splitMix64(static_cast<std::uint64_t>(static_cast<std::int64_t>(index)))));
    const SceneLayout layout = makeLayout(rng, size);
    cv::Mat image(size, CV_8UC3);
    paintGroundColours(image, rng, layout);
    applyGroundTexture(image, rng, layout);
    paintSky(image, rng, layout);
    scene::paintBuildings(image, rng, layout);
    scene::paintTrees(image, rng, layout);
    scene::paintPolesAndWires(image, rng, layout);
    scene::paintFence(image, rng, layout);
    scene::paintSign(image, rng, layout);
    scene::paintShapes(image, rng, layout);
    scene::paintThinLines(image, rng, layout);
    finishLikeACamera(image, rng);
    return image;
}

std::vector<std::string> writeSampleScenes(const std::string& folder, int count, std::uint64_t seed) {
    if (count <= 0) {
        throw std::invalid_argument("sample scene count " + std::to_string(count) + " must be at least 1");
    }
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) {
        throw std::runtime_error("cannot create the sample scene folder '" + folder + "': " + error.message());
    }
    const std::size_t digits = std::max<std::size_t>(3, std::to_string(count - 1).size());  // names sort in order
    std::vector<std::string> paths;
    for (int index = 0; index < count; ++index) {
        const std::string number = std::to_string(index);
        const std::string name = "scene_" + std::string(digits - number.size(), '0') + number + ".png";
        const std::string path = (std::filesystem::path(folder) / name).string();
        // Encoded in memory, then written by us: a full disk reads "PATH: writing failed (No space left on device)",
        // never libpng's own unattributed "Write Error" on standard error.
        std::vector<uchar> bytes;
        if (!cv::imencode(".png", renderSampleScene(seed, index), bytes)) {
            throw std::runtime_error(path + ": cannot encode the sample scene as PNG");
        }
        writeFileAtomically(path, std::string(bytes.begin(), bytes.end()));
        paths.push_back(path);
    }
    return paths;
}

}  // namespace twinsight::core
