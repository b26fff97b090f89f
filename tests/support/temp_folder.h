#pragma once
// A fresh temporary folder per test, removed afterwards: tests never touch files outside it.

#include <filesystem>
#include <random>
#include <string>

namespace twinsight::testing {

class TempFolder {
public:
    TempFolder() {
        std::random_device entropy;
        m_path = std::filesystem::temp_directory_path() / ("twinsight-test-" + std::to_string(entropy()));
        std::filesystem::create_directories(m_path);
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

}  // namespace twinsight::testing
