#include "core/samples/internal/sample_scene_painter.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <string>

namespace twinsight::core::scene {
namespace {

using Polygon = std::vector<cv::Point>;

// Words for signs: mixed case, digits and punctuation give strokes in every direction.
const std::array<const char*, 16> kSignWords{"EXIT",     "Main St", "PARKING", "Open 9-17", "No entry", "CAFE",
                                             "Route 42", "Hotel",   "SALE",    "Bus stop",  "km 12",    "Bakery",
                                             "Gate B",   "STOP",    "Private", "Station"};
// OpenCV's Hershey fonts, from plain to serif; italic is a flag added to some signs.
const std::array<int, 6> kFonts{cv::FONT_HERSHEY_SIMPLEX, cv::FONT_HERSHEY_PLAIN,   cv::FONT_HERSHEY_DUPLEX,
                                cv::FONT_HERSHEY_COMPLEX, cv::FONT_HERSHEY_TRIPLEX, cv::FONT_HERSHEY_COMPLEX_SMALL};

// A point at a random angle and distance (uniform over the disc) from `centre`.
cv::Point inDisc(SceneRng& rng, cv::Point centre, double radius) {
    const double angle = rng.uniform(0, 2 * CV_PI);
    const double distance = radius * std::sqrt(rng.uniform(0, 1));
    return {cvRound(centre.x + distance * std::cos(angle)), cvRound(centre.y + distance * std::sin(angle))};
}

void fillPolygon(cv::Mat& image, const Polygon& polygon, const cv::Scalar& colour) {
    cv::fillPoly(image, std::vector<Polygon>{polygon}, colour, cv::LINE_AA);
}

// Mortar lines: a fine regular texture whose blur is easy to see.
void paintBricks(cv::Mat& image, SceneRng& rng, const cv::Rect& wall, const cv::Scalar& colour, double unit) {
    const int course = std::max(3, cvRound(unit * rng.uniform(3.5, 6.0)));
    const int brick = course * rng.uniformInt(2, 3);
    const cv::Scalar mortar = shade(colour, rng.chance(0.5) ? 0.75 : 1.2);
    for (int y = wall.y + course, row = 0; y < wall.br().y; y += course, ++row) {
        cv::line(image, {wall.x, y}, {wall.br().x - 1, y}, mortar, 1, cv::LINE_8);
        for (int x = wall.x + (row % 2) * brick / 2; x < wall.br().x; x += brick) {
            cv::line(image, {x, y - course}, {x, y}, mortar, 1, cv::LINE_8);
        }
    }
}

// A regular grid of framed windows, dark or reflecting the sky, a few lit.
void paintWindows(cv::Mat& image, SceneRng& rng, const cv::Rect& wall, const cv::Scalar& wallColour, double unit) {
    const int winW = std::max(2, cvRound(unit * rng.uniform(5, 15)));
    const int winH = std::max(3, cvRound(unit * rng.uniform(7, 20)));
    const int gapX = std::max(2, cvRound(unit * rng.uniform(4, 12)));
    const int gapY = std::max(2, cvRound(unit * rng.uniform(5, 12)));
    const int cols = (wall.width - gapX) / (winW + gapX), rows = (wall.height - 3 * gapY) / (winH + gapY);
    const cv::Scalar glass = rng.chance(0.5) ? pickColour(rng, {190, 230}, {0.1, 0.4}, {0.12, 0.35})
                                             : pickColour(rng, {190, 215}, {0.1, 0.35}, {0.55, 0.8});
    const cv::Scalar frame = rng.chance(0.5) ? cv::Scalar::all(235) : shade(wallColour, 0.6);
    const bool mullions = rng.chance(0.5);
    const int left = wall.x + (wall.width - cols * (winW + gapX) + gapX) / 2;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            const cv::Rect window(left + c * (winW + gapX), wall.y + gapY + r * (winH + gapY), winW, winH);
            const bool lit = rng.chance(0.12);
            const cv::Scalar fill = lit ? hsvColour(45, 0.5, 0.95) : shade(glass, rng.uniform(0.85, 1.15));
            cv::rectangle(image, window, fill, cv::FILLED);
            cv::rectangle(image, window, frame, 1, cv::LINE_8);
            const int middle = window.x + winW / 2;
            if (mullions) cv::line(image, {middle, window.y}, {middle, window.br().y - 1}, frame, 1, cv::LINE_8);
        }
    }
}

void paintRoofAndDoor(cv::Mat& image, SceneRng& rng, const cv::Rect& wall, const cv::Scalar& colour, double unit) {
    if (rng.chance(0.5)) {  // a gable of tiles or slate
        const cv::Scalar roof = rng.chance(0.6) ? pickColour(rng, {0, 20}, {0.4, 0.7}, {0.3, 0.5})
                                                : pickColour(rng, {0, 360}, {0, 0.1}, {0.2, 0.35});
        const int overhang = cvRound(3 * unit), peak = cvRound(wall.width * rng.uniform(0.2, 0.45));
        const Polygon gable{
            {wall.x - overhang, wall.y}, {wall.br().x + overhang, wall.y}, {wall.x + wall.width / 2, wall.y - peak}};
        fillPolygon(image, gable, roof);
    } else {  // a flat roof behind a parapet
        const int parapet = std::max(1, cvRound(unit * rng.uniform(2, 6)));
        cv::rectangle(image, {wall.x - 1, wall.y}, {wall.br().x, wall.y + parapet}, shade(colour, 0.7), cv::FILLED);
    }
    if (rng.chance(0.6)) {
        const int doorW = cvRound(unit * rng.uniform(8, 14)), doorH = cvRound(unit * rng.uniform(16, 26));
        const int x = wall.x + rng.uniformInt(0, std::max(0, wall.width - doorW));
        const cv::Scalar door = shade(colour, rng.uniform(0.3, 0.6));
        cv::rectangle(image, cv::Rect(x, wall.br().y - doorH, doorW, doorH), door, cv::FILLED);
    }
}

void paintBuilding(cv::Mat& image, SceneRng& rng, const cv::Rect& wall, double unit) {
    const cv::Scalar colour = pickColour(rng, {0, 60}, {0.0, 0.35}, {0.4, 0.85});
    if (rng.chance(0.4)) {  // a side wall seen at an angle, in shadow, narrowing with perspective
        const int depth = cvRound(wall.width * rng.uniform(0.15, 0.35));
        const int side = rng.chance(0.5) ? depth : -depth, edge = side > 0 ? wall.br().x - 1 : wall.x;
        const int bottom = wall.br().y - 1;
        fillPolygon(image, {{edge, wall.y}, {edge + side, wall.y + depth / 3}, {edge + side, bottom}, {edge, bottom}},
                    shade(colour, 0.6));
    }
    cv::rectangle(image, wall, colour, cv::FILLED);
    if (rng.chance(0.3)) paintBricks(image, rng, wall, colour, unit);
    paintWindows(image, rng, wall, colour, unit);
    paintRoofAndDoor(image, rng, wall, colour, unit);
}

void paintDeciduousTree(cv::Mat& image, SceneRng& rng, cv::Point base, double height) {
    const int trunkWidth = std::max(2, cvRound(height * rng.uniform(0.04, 0.08)));
    const double radius = height * rng.uniform(0.25, 0.38);
    const cv::Point centre(base.x, base.y - cvRound(height - radius));
    cv::line(image, base, centre, pickColour(rng, {20, 35}, {0.3, 0.6}, {0.15, 0.35}), trunkWidth, cv::LINE_AA);
    const cv::Scalar leaves = pickColour(rng, {65, 130}, {0.4, 0.75}, {0.2, 0.45});
    const int clumps = rng.uniformInt(10, 22);
    for (int i = 0; i < clumps; ++i) {
        const cv::Point at = inDisc(rng, centre, radius * 0.6);
        const int size = std::max(1, cvRound(radius * rng.uniform(0.3, 0.5)));
        cv::circle(image, at, size, shade(leaves, rng.uniform(0.7, 1.25)), cv::FILLED, cv::LINE_AA);
    }
    const int dots = cvRound(radius * radius * 0.3);  // single leaves: detail at the finest scale
    for (int i = 0; i < dots; ++i) {
        const cv::Point at = inDisc(rng, centre, radius * 0.95);
        const int size = rng.uniformInt(1, 2);
        cv::circle(image, at, size, shade(leaves, rng.chance(0.5) ? 0.55 : 1.5), cv::FILLED, cv::LINE_8);
    }
}

void paintConifer(cv::Mat& image, SceneRng& rng, cv::Point base, double height) {
    const cv::Scalar needles = pickColour(rng, {100, 150}, {0.35, 0.7}, {0.15, 0.35});
    const double halfWidth = height * rng.uniform(0.18, 0.3);
    const int trunk = std::max(2, cvRound(height * 0.04));
    cv::line(image, base, {base.x, base.y - cvRound(height * 0.2)}, hsvColour(25, 0.5, 0.25), trunk, cv::LINE_AA);
    const int tiers = rng.uniformInt(3, 6);
    for (int t = 0; t < tiers; ++t) {  // stacked jagged triangles, narrower towards the top
        const double bottom = base.y - height * (0.15 + 0.8 * t / tiers), top = bottom - height * 1.35 / tiers;
        const double half = halfWidth * (1.0 - 0.75 * t / tiers);
        Polygon tier{{base.x, cvRound(top)}};
        for (int k = 0; k <= 8; ++k) {
            tier.emplace_back(cvRound(base.x + half * (k / 4.0 - 1.0)), cvRound(bottom - (k % 2) * half * 0.25));
        }
        fillPolygon(image, tier, shade(needles, rng.uniform(0.85, 1.2)));
    }
}

// Distant woods along part of the horizon: small crowns piled up to an uneven height, a rough edge against the sky.
void paintTreeLine(cv::Mat& image, SceneRng& rng, const SceneLayout& layout) {
    const double start = rng.uniform(-0.2, 0.7) * layout.size.width;
    const double end = start + rng.uniform(0.3, 1.0) * layout.size.width;
    const cv::Scalar green = pickColour(rng, {80, 140}, {0.3, 0.6}, {0.15, 0.35});
    double height = rng.uniform(3, 16);
    for (double x = start; x < end; x += layout.unit * rng.uniform(1.0, 3.0)) {
        height = std::clamp(height + rng.uniform(-1.5, 1.5), 2.0, 20.0);              // a random walk: clumps and gaps
        const cv::Point at(cvRound(x), layout.horizonAt(x) - layout.px(height / 2));  // crowns reach the ground
        const int size = layout.px(height / 2 + rng.uniform(0.5, 3.0));
        cv::circle(image, at, size, shade(green, rng.uniform(0.9, 1.1)), cv::FILLED, cv::LINE_AA);
        for (int leaf = 0; leaf < 4; ++leaf) {  // lit and shaded leaves: fine detail
            const cv::Point dot = inDisc(rng, at, size);
            cv::circle(image, dot, 1, shade(green, rng.chance(0.5) ? 0.6 : 1.6), cv::FILLED, cv::LINE_8);
        }
    }
}

// Stripes or checks in a second shade, clipped to the polygon.
void fillPattern(cv::Mat& image, SceneRng& rng, const Polygon& shape, const cv::Scalar& colour, double unit) {
    const cv::Rect box = cv::boundingRect(shape) & cv::Rect({0, 0}, image.size());
    if (box.empty()) return;
    cv::Mat mask(box.size(), CV_8UC1, cv::Scalar(0)), patch = image(box).clone();
    cv::fillPoly(mask, std::vector<Polygon>{shape}, cv::Scalar(255), cv::LINE_8, 0, -box.tl());
    const int period = std::max(1, cvRound(unit * rng.uniform(2, 8)));
    const cv::Scalar second = shade(colour, rng.chance(0.5) ? 0.5 : 1.6);
    const bool stripes = rng.chance(0.6);
    for (int k = -box.height; k < box.width; k += 2 * period) {
        if (stripes) cv::line(patch, {k, 0}, {k + box.height, box.height}, second, period, cv::LINE_AA);
        for (int j = 0; !stripes && j < box.height; j += 2 * period) {
            cv::rectangle(patch, cv::Rect(k + (j / (2 * period) % 2) * period, j, period, period), second, cv::FILLED);
        }
    }
    patch.copyTo(image(box), mask);
}

// A disc (a polygon of 72 sides) or a convex polygon of 3 to 7 uneven sides.
Polygon randomShape(SceneRng& rng, cv::Point centre, double radius) {
    const bool disc = rng.chance(0.4);
    const int corners = disc ? 72 : rng.uniformInt(3, 7);
    const double turn = rng.uniform(0, 2 * CV_PI);
    Polygon shape;
    for (int k = 0; k < corners; ++k) {
        const double angle = turn + 2 * CV_PI * (k + (disc ? 0.0 : rng.uniform(-0.3, 0.3))) / corners;
        shape.emplace_back(cvRound(centre.x + radius * std::cos(angle)), cvRound(centre.y + radius * std::sin(angle)));
    }
    return shape;
}

}  // namespace

void paintBuildings(cv::Mat& image, SceneRng& rng, const SceneLayout& layout) {
    if (!rng.chance(0.75)) return;
    const int count = rng.uniformInt(1, std::max(1, cvRound(4 * layout.detail)));
    std::vector<cv::Rect> walls;
    for (int i = 0; i < count; ++i) {
        const double x = rng.uniform(-0.05, 1.05) * layout.size.width;
        const int base = layout.groundRow(x, rng.uniform(0.0, 0.25));
        const double scale = layout.depthScale(x, base);
        const int width = layout.px(rng.uniform(35, 110) * scale), height = layout.px(rng.uniform(40, 150) * scale);
        walls.emplace_back(cvRound(x) - width / 2, base - height, width, height);
    }
    std::sort(walls.begin(), walls.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.br().y < b.br().y; });
    for (const cv::Rect& wall : walls) paintBuilding(image, rng, wall, layout.unit);  // far ones first
}

void paintTrees(cv::Mat& image, SceneRng& rng, const SceneLayout& layout) {
    if (rng.chance(0.5)) paintTreeLine(image, rng, layout);
    const int count = rng.uniformInt(0, std::max(1, cvRound(5 * layout.detail)));
    std::vector<cv::Point> bases;
    for (int i = 0; i < count; ++i) {
        const double x = rng.uniform(0, layout.size.width);
        bases.emplace_back(cvRound(x), layout.groundRow(x, rng.uniform(0.02, 0.5)));
    }
    std::sort(bases.begin(), bases.end(), [](const cv::Point& a, const cv::Point& b) { return a.y < b.y; });
    for (const cv::Point& base : bases) {  // far ones first
        const double height = layout.px(rng.uniform(45, 120)) * layout.depthScale(base.x, base.y);
        (rng.chance(0.3) ? paintConifer : paintDeciduousTree)(image, rng, base, height);
    }
}

// Poles standing on the ground, with thin sagging cables between their cross-arms.
void paintPolesAndWires(cv::Mat& image, SceneRng& rng, const SceneLayout& layout) {
    if (!rng.chance(0.55)) return;
    const int poles = rng.uniformInt(2, 4);
    const double near = rng.uniform(0.05, 0.3), spacing = layout.size.width * rng.uniform(0.25, 0.45);
    const cv::Scalar wood = rng.chance(0.5) ? hsvColour(25, 0.45, 0.3) : cv::Scalar::all(115);
    const int thickness = layout.px(rng.uniform(2, 4)), arm = layout.px(rng.uniform(8, 14));
    const int wires = rng.uniformInt(1, 3), sag = layout.px(rng.uniform(4, 14));
    double x = rng.uniform(-0.1, 0.3) * layout.size.width;
    cv::Point previous;
    for (int i = 0; i < poles; ++i, x += spacing) {
        const int base = layout.groundRow(x, near);
        const cv::Point top(cvRound(x), base - layout.px(rng.uniform(90, 160)));
        const cv::Point armLeft(top.x - arm, top.y + arm / 2), armRight(top.x + arm, top.y + arm / 2);
        cv::line(image, {top.x, base}, top, wood, thickness, cv::LINE_8);
        cv::line(image, armLeft, armRight, wood, std::max(1, thickness / 2), cv::LINE_8);
        for (int w = 0; i > 0 && w < wires; ++w) {
            const cv::Point offset((w - 1) * arm * 2 / 3, arm / 2);
            Polygon cable;
            for (int k = 0; k <= 16; ++k) {
                const double t = k / 16.0;
                const cv::Point2d along = cv::Point2d(previous + offset) * (1 - t) + cv::Point2d(top + offset) * t;
                cable.emplace_back(cvRound(along.x), cvRound(along.y + 4 * sag * t * (1 - t)));
            }
            cv::polylines(image, std::vector<Polygon>{cable}, false, cv::Scalar::all(40), 1, cv::LINE_AA);
        }
        previous = top;
    }
}

// A picket fence across part of the ground: many short vertical posts and two thin rails.
void paintFence(cv::Mat& image, SceneRng& rng, const SceneLayout& layout) {
    if (!rng.chance(0.4)) return;
    const double start = rng.uniform(-0.2, 0.6) * layout.size.width;
    const double end = start + rng.uniform(0.3, 0.9) * layout.size.width;
    const double near = rng.uniform(0.1, 0.7), rise = rng.uniform(-0.08, 0.08);
    const cv::Scalar paint =
        rng.chance(0.5) ? cv::Scalar::all(rng.uniform(200, 240)) : hsvColour(25, 0.5, rng.uniform(0.2, 0.4));
    const int spacing = layout.px(rng.uniform(6, 16)), postHeight = layout.px(rng.uniform(12, 30) * (0.6 + near));
    const int postWidth = layout.px(rng.uniform(1, 2.5)), first = layout.groundRow(start, near);
    const auto baseAt = [&](double x) { return first + cvRound((x - start) * rise); };
    for (double x = start; x < end; x += spacing) {
        cv::line(image, {cvRound(x), baseAt(x)}, {cvRound(x), baseAt(x) - postHeight}, paint, postWidth, cv::LINE_8);
    }
    for (const int lift : {postHeight / 3, postHeight * 3 / 4}) {  // two rails
        cv::line(image, {cvRound(start), baseAt(start) - lift}, {cvRound(end), baseAt(end) - lift}, paint, 1);
    }
}

// A sign on a post: one to three lines of small text in one of several fonts, the thin strokes of the scene.
void paintSign(cv::Mat& image, SceneRng& rng, const SceneLayout& layout) {
    if (!rng.chance(0.85)) return;
    const int font = kFonts[rng.uniformInt(0, kFonts.size() - 1)] | (rng.chance(0.2) ? cv::FONT_ITALIC : 0);
    const double scale = std::max(0.3, rng.uniform(0.3, 0.65) * layout.unit);
    const int stroke = scale > 0.5 && rng.chance(0.4) ? 2 : 1, lines = rng.uniformInt(1, 3), pad = layout.px(4);
    const int firstWord = rng.uniformInt(0, kSignWords.size() - 1), stride = 2 * rng.uniformInt(0, 3) + 1;
    std::vector<std::string> texts;
    int width = 0, lineHeight = 0, baseline = 0;
    for (int i = 0; i < lines; ++i) {  // an odd stride through 16 words never repeats one
        texts.emplace_back(kSignWords[(firstWord + i * stride) % kSignWords.size()]);
        const cv::Size box = cv::getTextSize(texts.back(), font, scale, stroke, &baseline);
        width = std::max(width, box.width);
        lineHeight = std::max(lineHeight, box.height + baseline);
    }
    const double x = rng.uniform(0.05, 0.8) * layout.size.width;
    const int ground = layout.groundRow(x, rng.uniform(0.15, 0.7)), post = layout.px(rng.uniform(8, 35));
    const int boardHeight = lines * lineHeight + 2 * pad;
    const cv::Rect board(cvRound(x), ground - post - boardHeight, width + 2 * pad, boardHeight);
    const int postX = board.x + board.width / 2;
    cv::line(image, {postX, ground}, {postX, board.y}, cv::Scalar(90, 90, 95), layout.px(2), cv::LINE_8);
    const bool darkBoard = rng.chance(0.5);
    const cv::Scalar fill = darkBoard ? pickColour(rng, {0, 360}, {0.0, 0.8}, {0.2, 0.45})
                                      : pickColour(rng, {0, 360}, {0.0, 0.8}, {0.8, 0.97});
    const cv::Scalar ink = cv::Scalar::all(darkBoard ? 240 : 25);
    cv::rectangle(image, board, fill, cv::FILLED);
    cv::rectangle(image, board, ink, 1, cv::LINE_8);
    for (int i = 0; i < lines; ++i) {
        const cv::Point origin(board.x + pad, board.y + pad + (i + 1) * lineHeight - baseline);
        cv::putText(image, texts[i], origin, font, scale, ink, stroke, cv::LINE_AA);
    }
}

// Everyday sharp-edged objects (balls, boxes, panels), mostly on the ground, in varied colours and fills.
void paintShapes(cv::Mat& image, SceneRng& rng, const SceneLayout& layout) {
    const int count = rng.uniformInt(1, std::max(1, cvRound(6 * layout.detail)));
    for (int i = 0; i < count; ++i) {
        const double x = rng.uniform(0, layout.size.width);
        const int row = rng.chance(0.08) ? rng.uniformInt(0, layout.horizonAt(x))  // a kite or a balloon
                                         : layout.groundRow(x, rng.uniform(0.05, 0.95));
        const double radius = layout.px(rng.uniform(4, 24)) * layout.depthScale(x, row);
        const Polygon shape = randomShape(rng, {cvRound(x), row}, radius);
        const cv::Scalar colour = pickColour(rng, {0, 360}, {0.3, 1.0}, {0.3, 0.95});
        fillPolygon(image, shape, colour);
        if (rng.chance(0.4)) fillPattern(image, rng, shape, colour, layout.unit);
        if (rng.chance(0.25))
            cv::polylines(image, std::vector<Polygon>{shape}, true, shade(colour, 0.4), 1, cv::LINE_AA);
    }
}

// Cables, cracks and stems: random thin strokes, straight anywhere, kinked (cracks) on the ground only.
void paintThinLines(cv::Mat& image, SceneRng& rng, const SceneLayout& layout) {
    const int count = rng.uniformInt(2, std::max(2, cvRound(7 * layout.detail)));
    for (int i = 0; i < count; ++i) {
        const int segments = rng.chance(0.5) ? 1 : rng.uniformInt(3, 8);
        const double x = rng.uniform(0, layout.size.width);
        const int y = segments > 1 ? layout.groundRow(x, rng.uniform(0, 1)) : rng.uniformInt(0, layout.size.height - 1);
        Polygon line{{cvRound(x), y}};
        double angle = rng.uniform(0, 2 * CV_PI);
        const double length = layout.px(rng.uniform(20, 180)) / segments;
        for (int s = 0; s < segments; ++s) {
            line.push_back(line.back() +
                           cv::Point(cvRound(length * std::cos(angle)), cvRound(length * std::sin(angle))));
            angle += rng.uniform(-0.6, 0.6);
        }
        const cv::Scalar colour = cv::Scalar::all(rng.chance(0.6) ? rng.uniform(15, 65) : rng.uniform(190, 240));
        cv::polylines(image, std::vector<Polygon>{line}, false, colour, 1, rng.chance(0.5) ? cv::LINE_AA : cv::LINE_8);
    }
}

}  // namespace twinsight::core::scene
