package dev.parley.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with its own profile:
 * one person at the web page. Both paths are given explicitly, so Selenium Manager never looks for
 * or downloads a browser; a machine without them fails the test with the install command.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getProperty("parley.it.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("parley.it.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("parley.it.screenshots", "target/screenshots"));
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Records Content-Security-Policy violations and uncaught script errors from the first script on. */
    private static final String RECORD_PROBLEMS = "window.__problems = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__problems.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));"
            + "window.addEventListener('error', e => window.__problems.push('error: ' + e.message));"
            + "window.addEventListener('unhandledrejection', e => window.__problems.push('rejection: ' + (e.reason && e.reason.stack || e.reason)));";

    private final ChromeDriver driver;
    private final Path profile;
    private final String name;

    private Browser(String name, ChromeDriver driver, Path profile) {
        this.name = name;
        this.driver = driver;
        this.profile = profile;
    }

    /** The page re-renders lists whole, so an element found a moment ago may be gone: look again. */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
        return wait;
    }

    public static Browser start(String name) {
        requireInstalled(CHROMIUM, "chromium");
        requireInstalled(CHROMEDRIVER, "chromium-driver");
        Path profile;
        try {
            profile = Files.createTempDirectory("parley-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_PROBLEMS));
        return new Browser(name, driver, profile);
    }

    private static void requireInstalled(Path path, String debianPackage) {
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is missing: the web page's tests need Debian's chromium and "
                    + "chromium-driver (apt-get install -y chromium chromium-driver; .ci/run installs them)");
        }
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Runs a script in every page this browser loads from now on, before the page's own scripts. */
    public void executeOnNewDocument(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    public void reload() {
        driver.navigate().refresh();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebElement byId(String id) {
        return await(By.id(id));
    }

    public WebElement byTestId(String testId) {
        return await(testId(testId));
    }

    public static By testId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    /** The element, once it is on the page and visible. */
    public WebElement await(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void awaitGone(By by) {
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    public void awaitText(By by, String text) {
        waiting().withMessage(() -> name + ": \"" + text + "\" in " + by + "; it shows " + shown(by))
                .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** What the page shows there now, for a failure's message. */
    private String shown(By by) {
        try {
            return driver.findElements(by).stream().map(e -> "\"" + e.getText() + "\"").toList().toString();
        } catch (RuntimeException gone) { // the page changed under the question
            return "(unreadable: " + gone.getClass().getSimpleName() + ")";
        }
    }

    public void awaitCount(By by, int count) {
        waiting().withMessage(() -> name + ": " + count + " of " + by)
                .until(d -> d.findElements(by).size() == count);
    }

    /** Whether some element matching {@code by} shows exactly this text, waiting until one does. */
    public WebElement awaitElementWithText(By by, String text) {
        return waiting().withMessage(() -> name + ": an element " + by + " with text \"" + text + "\"")
                .until(d -> d.findElements(by).stream().filter(e -> e.getText().equals(text)).findFirst().orElse(null));
    }

    /** Waits until {@code condition} gives something other than null or false, and returns it. */
    public <T> T until(String what, java.util.function.Function<ChromeDriver, T> condition) {
        return waiting().withMessage(() -> name + ": " + what).until(d -> condition.apply(driver));
    }

    /** Opens {@code url} and signs in as the guest {@code username}, until the page's socket is connected. */
    public void signInAsGuest(String url, String username) {
        open(url).click("tab-guest");
        type("login-username", username);
        click("login-submit");
        awaitText(testId("connection"), "Connected");
    }

    /** Joins a public room from the rooms list. */
    public void joinFromRoomsList(String room) {
        click("browse-rooms");
        clickTestId("join-" + room);
    }

    public void click(String id) {
        click(By.id(id));
    }

    public void clickTestId(String testId) {
        click(testId(testId));
    }

    /** Clicks once the element can be clicked, finding it again if the page re-rendered it meanwhile. */
    public void click(By by) {
        waiting().ignoring(ElementClickInterceptedException.class).ignoring(ElementNotInteractableException.class)
                .until(d -> {
                    WebElement element = d.findElement(by);
                    if (!element.isDisplayed() || !element.isEnabled()) return false;
                    element.click();
                    return true;
                });
    }

    public void type(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(text);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** What went wrong in the page since it was loaded: CSP violations, uncaught errors and rejections. */
    @SuppressWarnings("unchecked")
    public List<String> problems() {
        return (List<String>) driver.executeScript("return window.__problems || []");
    }

    /** Cuts the browser off the network (its open connections too), or lets it back on. */
    public void offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** A DevTools command (network throttling, say), for what WebDriver itself cannot do. */
    public Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A PNG of the window in target/screenshots, for people to look at. */
    public void screenshot(String file) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(file + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A leftover temporary profile does no harm.
            }
        }
    }
}
