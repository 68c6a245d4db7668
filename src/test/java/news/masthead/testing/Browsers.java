package news.masthead.testing;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.List;
import java.util.Map;

/**
 * What browser tests share: Playwright that never downloads a browser, Debian's Chromium launched
 * headless, and axe-core's serious and critical findings on a page.
 */
public final class Browsers {
  /** The flags the newsroom's browser tests launch Chromium with. */
  public static final List<String> ARGS =
      List.of("--no-sandbox", "--disable-gpu", "--no-first-run");

  private Browsers() {}

  /** Playwright, told to skip downloading browsers: the tests drive Debian's Chromium. */
  public static Playwright playwright() {
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  /**
   * Debian's Chromium, headless, with {@code args}.
   *
   * @throws IllegalStateException when /usr/bin/chromium is missing (see {@link TestTools})
   */
  public static Browser chromium(Playwright playwright, List<String> args) {
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(TestTools.chromium())
                .setHeadless(true)
                .setArgs(args));
  }

  /** What axe-core found on a page: whether any rule passed, and each serious or critical one. */
  public record Audit(boolean ranRules, List<String> seriousOrCritical) {}

  /** Runs axe-core on the page as it stands. */
  public static Audit audit(Page page) {
    AxeResults results = new AxeBuilder(page).analyze();
    return new Audit(
        !results.getPasses().isEmpty(),
        results.getViolations().stream()
            .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
            .map(
                v ->
                    v.getImpact()
                        + " "
                        + v.getId()
                        + ": "
                        + v.getHelp()
                        + " at "
                        + v.getNodes().stream()
                            .limit(3)
                            .map(n -> String.valueOf(n.getTarget()))
                            .toList())
            .toList());
  }
}
