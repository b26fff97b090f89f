#include "bench_processes.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>
#include <stdexcept>

#include "core/samples/sample_scenes.h"

extern char** environ;

namespace twinsight::bench {
namespace fs = std::filesystem;

ProcessRun runProcess(const std::string& program, const std::vector<std::string>& arguments,
                      const std::vector<std::string>& environment) {
    char errTemplate[] = "/tmp/twinsight-bench-err-XXXXXX";
    const int errFile = mkstemp(errTemplate);
    if (errFile < 0) throw std::runtime_error("cannot create a temporary file");
    std::vector<std::string> words{program};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    std::vector<std::string> variables;
    for (char** variable = environ; *variable != nullptr; ++variable) variables.emplace_back(*variable);
    variables.insert(variables.end(), environment.begin(), environment.end());
    std::vector<char*> envp;
    for (std::string& variable : variables) envp.push_back(variable.data());
    envp.push_back(nullptr);

    const auto start = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child == 0) {
        const int devNull = open("/dev/null", O_WRONLY);
        dup2(devNull, STDOUT_FILENO);
        dup2(errFile, STDERR_FILENO);
        execve(program.c_str(), argv.data(), envp.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    ProcessRun run;
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.peakMiB = static_cast<double>(usage.ru_maxrss) / 1024.0;
    close(errFile);
    std::ifstream err(errTemplate);
    std::ostringstream text;
    text << err.rdbuf();
    run.err = text.str();
    fs::remove(errTemplate);
    return run;
}

namespace {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

double medianSeconds(int runs, const std::string& program, const std::vector<std::string>& arguments) {
    std::vector<double> seconds;
    for (int i = 0; i < runs; ++i) {
        const ProcessRun run = runProcess(program, arguments);
        if (run.exitCode != 0) throw std::runtime_error(program + " failed: " + run.err);
        seconds.push_back(run.seconds);
    }
    return median(seconds);
}

namespace {

std::vector<std::string> desktopEnvironment(const std::string& mode) {
    std::vector<std::string> environment{"TWINSIGHT_REPORT_STARTUP=" + mode};
    if (std::getenv("DISPLAY") == nullptr) environment.emplace_back("QT_QPA_PLATFORM=offscreen");
    return environment;
}

}  // namespace

ProcessRun desktopGridFilled(const std::string& desktopProgram, const std::string& folder) {
    if (!fs::exists(desktopProgram)) return {};
    ProcessRun run = runProcess(desktopProgram, {folder}, desktopEnvironment("thumbnails"));
    if (run.exitCode != 0 || run.err.find("thumbnails done after ") == std::string::npos) {
        throw std::runtime_error(desktopProgram + " did not report its thumbnails: " + run.err);
    }
    return run;
}

double medianWindowSeconds(int runs, const std::string& desktopProgram) {
    if (!fs::exists(desktopProgram)) return -1.0;
    const std::vector<std::string> environment = desktopEnvironment("1");
    std::vector<double> seconds;
    for (int i = 0; i < runs; ++i) {
        const ProcessRun run = runProcess(desktopProgram, {}, environment);
        const std::size_t at = run.err.find("window shown after ");
        if (run.exitCode != 0 || at == std::string::npos) {
            throw std::runtime_error(desktopProgram + " did not report its window: " + run.err);
        }
        seconds.push_back(std::stod(run.err.substr(at + 19)));
    }
    return median(seconds);
}

void linkFolder(const std::string& folder, const std::vector<std::string>& sources, int count) {
    fs::create_directories(folder);
    for (int i = 0; i < count; ++i) {
        const std::string& source = sources[static_cast<std::size_t>(i) % sources.size()];
        char name[32];
        std::snprintf(name, sizeof name, "shot_%05d", i);
        fs::create_hard_link(source, fs::path(folder) / (name + fs::path(source).extension().string()));
    }
}

std::string writeLargePng(const std::string& folder, int width, int height) {
    cv::Mat scene;
    cv::resize(core::renderSampleScene(3, 0, {width / 8, height / 8}), scene, {width, height}, 0, 0, cv::INTER_CUBIC);
    const std::string path = (fs::path(folder) / "large.png").string();
    if (!cv::imwrite(path, scene, {cv::IMWRITE_PNG_COMPRESSION, 1})) throw std::runtime_error("cannot write " + path);
    return path;
}

}  // namespace twinsight::bench
