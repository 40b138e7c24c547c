#include "engine/distributed/team.hpp"

namespace kprove {

namespace {

std::string message_of(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}

std::exception_ptr run(const std::function<RankBytes()>& work, RankBytes& out) {
  try {
    out = work();
    return nullptr;
  } catch (...) {
    return std::current_exception();
  }
}

}  // namespace

void Team::agree(std::exception_ptr error) {
  if (size() == 1) {
    if (error) std::rethrow_exception(error);
    return;
  }
  // One byte (1: failed), then the message.
  RankBytes mine{uint8_t(error ? 1 : 0)};
  if (error) {
    const std::string what = message_of(error);
    mine.insert(mine.end(), what.begin(), what.end());
  }
  const std::vector<RankBytes> all = comm_.all_gather(mine);
  for (int r = 0; r < int(all.size()); ++r)
    if (all[r].empty() || all[r][0] != 0)
      throw RankFailure(r, all[r].empty() ? "sent nothing" : std::string(all[r].begin() + 1, all[r].end()));
}

std::vector<RankBytes> Team::all_gather(const std::function<RankBytes()>& work) {
  RankBytes mine;
  agree(run(work, mine));
  return comm_.all_gather(mine);
}

std::vector<RankBytes> Team::gather(const std::function<RankBytes()>& work, int root) {
  RankBytes mine;
  agree(run(work, mine));
  return comm_.gather(mine, root);
}

}  // namespace kprove
