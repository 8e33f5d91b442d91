package org.sectortrends.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.sectortrends.jobs.JobLauncher;
import org.sectortrends.jobs.ReportJob;
import org.sectortrends.testing.SparkTestSession;

/**
 * The report of a fixture run opened in headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}, installed by {@code .ci/setup-browser}): the charts are drawn, the Korean
 * headings are there, the hostile article's {@code <script>} and {@code onerror} did not run, and a
 * full-page screenshot is saved as {@code target/report-screenshot.png}.
 *
 * <p>Without the browser the test is skipped with a message, except under CI ({@code CI=true}),
 * where it fails: CI must run it.
 */
class ReportBrowserTest {

  static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
  static final Path SCREENSHOT = Paths.get("target/report-screenshot.png");

  private static SparkSession spark;
  private static WebDriver browser;
  private static Path html;

  @TempDir static Path work;

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String message =
          "No "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + ": install them with .ci/setup-browser (Debian chromium, chromium-driver, fonts-noto-cjk)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.assumeTrue(false, message);
    }
    spark = SparkTestSession.start("ReportBrowserTest");
    String out = work.resolve("run").toString();
    ReportFixture.writeAll(spark, out + "/tables");
    JobLauncher.execute(new ReportJob(), spark, "--out", out, "--period", "2025-11");
    html = work.resolve("run/reports/month/2025-11/report.html");
    Files.createDirectories(Paths.get("target"));
    Files.copy(html, Paths.get("target/report-sample.html"), StandardCopyOption.REPLACE_EXISTING);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + work.resolve("chromium-profile"),
        "--window-size=1280,1000",
        "--lang=ko-KR");
    // The system driver is given explicitly, so Selenium never looks for (or downloads) one.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.get(html.toUri().toString());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (spark != null) {
      spark.stop();
    }
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  @Test
  void chartsAreDrawnWithTheirData() {
    List<WebElement> charts = browser.findElements(By.cssSelector("figure.chart"));
    assertEquals(5, charts.size(), "five charts");
    for (WebElement chart : charts) {
      String name = chart.getAttribute("data-chart");
      int values = Integer.parseInt(chart.getAttribute("data-values"));
      assertTrue(values > 0, name);
      WebElement svg = chart.findElement(By.tagName("svg"));
      assertTrue(
          svg.getRect().getWidth() > 600 && svg.getRect().getHeight() > 100,
          name + " is laid out: " + svg.getRect());
      // bars are filled paths or rects, one per value at least (axes and legend add more)
      long shapes =
          (Long)
              js(
                  "return document.querySelector('figure[data-chart=\""
                      + name
                      + "\"] svg')"
                      + ".querySelectorAll('rect[style*=\"fill\"], path[style*=\"fill\"]').length");
      assertTrue(
          shapes >= values, name + ": " + shapes + " filled shapes for " + values + " values");
      assertFalse(svg.findElements(By.tagName("text")).isEmpty(), name + " has labels");
    }
    String shareLabels =
        browser.findElement(By.cssSelector("figure[data-chart=sector-shares]")).getText();
    assertTrue(
        shareLabels.contains("반도체") && shareLabels.contains("2025-11"),
        "Hangul legend and period axis: " + shareLabels);
  }

  @Test
  void koreanHeadingsAreShownWithACjkFont() {
    assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("섹터 트렌드 리포트 2025-11"));
    List<String> headings =
        browser.findElements(By.tagName("h2")).stream().map(WebElement::getText).toList();
    for (String heading :
        List.of("요약", "섹터별 기사 비중 추이", "주요 토픽", "떠오르는 용어", "주요 기업 지표", "이 기간의 주요 수치", "방법")) {
      assertTrue(
          headings.stream().anyMatch(h -> h.startsWith(heading)), heading + " in " + headings);
    }
    assertTrue(
        (Boolean) js("return document.fonts.check(\"16px 'Noto Sans CJK KR'\")"),
        "Noto Sans CJK KR is available (fonts-noto-cjk)");
  }

  @Test
  void theHostileArticleDidNotRun() {
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "no alert");
    assertEquals("섹터 트렌드 리포트 2025-11", browser.getTitle(), "title untouched");
    assertNull(
        browser.findElement(By.tagName("body")).getAttribute("data-pwned"), "no handler ran");
    assertEquals(
        0L,
        js("return document.querySelectorAll('script, img, iframe, object, embed').length"),
        "no active element");
    String figures = browser.findElement(By.id("key-figures")).getText();
    assertTrue(figures.contains("<script>alert('x');"), "the script is shown as text");
    assertTrue(figures.contains("onerror="), "the handler is shown as text");
    assertTrue(
        figures.contains("javascript:alert(document.domain)"),
        "the javascript: URL is shown as text");
    assertEquals(
        0L,
        js("return Array.from(document.links).filter(a => !/^https?:/.test(a.href)).length"),
        "only web links");
  }

  @Test
  void savesAFullPageScreenshot() throws Exception {
    long height = (Long) js("return document.documentElement.scrollHeight");
    browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 40, 16000)));
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOT, png);
    assertTrue(png.length > 50_000, "a real page, " + png.length + " bytes");
  }
}
