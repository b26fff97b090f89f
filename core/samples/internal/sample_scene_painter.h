#pragma once
// Drawing helpers behind the built-in sample scenes (sample_scenes.cpp): a portable seeded random source, the
// scene's geometry, and one painter per kind of object. Internal to core; the public interface is sample_scenes.h.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <opencv2/core.hpp>
#include <random>
#include <vector>

namespace twinsight::core::scene {

// Random numbers identical on every platform: std::mt19937_64 is fully specified by the standard, while <random>'s
// distributions are not, so uniforms are derived from the raw 64-bit output here. Draw at most once per function
// argument list: C++ leaves the order of evaluation of arguments to the compiler.
class SceneRng {
public:
    explicit SceneRng(std::uint64_t seed) : m_engine(seed) {}

    std::uint64_t bits() { return m_engine(); }
    // Uniform in [lo, hi), from the top 53 bits (one double's mantissa).
    double uniform(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    // Uniform integer in [lo, hi], both included.
    int uniformInt(int lo, int hi) { return lo + static_cast<int>(uniform(0.0, 1.0) * (hi - lo + 1)); }
    bool chance(double probability) { return uniform(0.0, 1.0) < probability; }

private:
    std::mt19937_64 m_engine;
};

// Where things are in one scene; painters place objects relative to it.
struct SceneLayout {
    cv::Size size;
    double unit = 1.0;         // min(width, height) / 360: object sizes follow the image size
    double detail = 1.0;       // about 0.6 to 1.4: scales object counts and texture strength
    std::vector<int> horizon;  // per column: the first row of ground

    int horizonAt(double x) const { return horizon[std::clamp(cvRound(x), 0, size.width - 1)]; }
    // A row on the ground at column x: `near` 0 is the horizon, 1 the bottom of the image.
    int groundRow(double x, double near) const {
        return horizonAt(x) + cvRound(near * (size.height - 1 - horizonAt(x)));
    }
    // Objects near the camera (low in the frame) are drawn larger than those near the horizon: 0.5 to 1.7.
    double depthScale(double x, int row) const {
        return 0.5 + 1.2 * std::clamp(double(row - horizonAt(x)) / std::max(1, size.height - horizonAt(x)), 0.0, 1.0);
    }
    // A length given for a 360-pixel-high scene, at this scene's size, at least 1 pixel.
    int px(double sizeAt360) const { return std::max(1, cvRound(sizeAt360 * unit)); }
};

// A range to draw a uniform number from.
struct Span {
    double low, high;
};

// BGR colour from hue (degrees), saturation and value (0 to 1), by the closed form of HSV to RGB.
inline cv::Scalar hsvColour(double hueDegrees, double saturation, double value) {
    const auto channel = [&](double n) {  // n = 5 for red, 3 for green, 1 for blue
        const double k = std::fmod(n + std::fmod(hueDegrees, 360.0) / 60.0 + 6.0, 6.0);
        return 255.0 * value * (1.0 - saturation * std::clamp(std::min(k, 4.0 - k), 0.0, 1.0));
    };
    return cv::Scalar(channel(1), channel(3), channel(5));
}

// A random colour, drawn in a fixed order: hue, then saturation, then value.
inline cv::Scalar pickColour(SceneRng& rng, Span hue, Span saturation, Span value) {
    const double h = rng.uniform(hue.low, hue.high);
    const double s = rng.uniform(saturation.low, saturation.high);
    return hsvColour(h, s, rng.uniform(value.low, value.high));
}

// `colour` with each channel scaled by `factor`: a shade of the same colour.
inline cv::Scalar shade(const cv::Scalar& colour, double factor) {
    return cv::Scalar(std::min(255.0, colour[0] * factor), std::min(255.0, colour[1] * factor),
                      std::min(255.0, colour[2] * factor));
}

void paintBuildings(cv::Mat& image, SceneRng& rng, const SceneLayout& layout);
void paintTrees(cv::Mat& image, SceneRng& rng, const SceneLayout& layout);
void paintPolesAndWires(cv::Mat& image, SceneRng& rng, const SceneLayout& layout);
void paintFence(cv::Mat& image, SceneRng& rng, const SceneLayout& layout);
void paintSign(cv::Mat& image, SceneRng& rng, const SceneLayout& layout);
void paintShapes(cv::Mat& image, SceneRng& rng, const SceneLayout& layout);
void paintThinLines(cv::Mat& image, SceneRng& rng, const SceneLayout& layout);

}  // namespace twinsight::core::scene
