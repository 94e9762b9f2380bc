package io.github.wechatpaycomplaint.multimerchant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Retained heap: the used heap once full collections free nothing more, so that only
 * reachable objects are counted (not what was allocated and dropped), and the class
 * histogram of the live objects, to tell which objects a change of the retained heap is
 * made of.
 */
public final class HeapMeter {

	private static final Pattern HTTP_CLIENT_SELECTOR = Pattern.compile("HttpClient-[0-9]+-SelectorManager");

	private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

	private HeapMeter() {
	}

	/**
	 * Collects until the used heap stays the same within 1 KB, then takes the least of
	 * three more readings a little apart: what other threads (the web server, the HTTP
	 * client, a certificate refresh) hold for a moment only adds to a reading.
	 * @return the retained heap, in bytes
	 */
	public static long retained() {
		awaitDiscardedHttpClients();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long last = Long.MAX_VALUE;
		for (int i = 0; i < 20; i++) {
			System.gc();
			// Cleaners and the reference handler free what the collection found
			// unreachable on their own threads.
			pause(20);
			long used = memory.getHeapMemoryUsage().getUsed();
			if (i >= 2 && Math.abs(last - used) < 1024) {
				break;
			}
			last = used;
		}
		long least = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			pause(200);
			System.gc();
			least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
		}
		return least;
	}

	/**
	 * Writes the live objects by class (the JVM collects first) to a file, so that the
	 * histogram takes no heap while later measurements are made.
	 * @return the file, deleted when the JVM exits
	 */
	static Path histogram() {
		try {
			String text = (String) ManagementFactory.getPlatformMBeanServer()
				.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
						new Object[] { new String[0] }, new String[] { String[].class.getName() });
			Path file = Files.createTempFile("histogram", ".txt");
			file.toFile().deleteOnExit();
			Files.writeString(file, text);
			return file;
		}
		catch (JMException ex) {
			throw new IllegalStateException("No class histogram: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, long[]> read(Path histogram) {
		try {
			Map<String, long[]> counts = new HashMap<>();
			for (String line : Files.readAllLines(histogram)) {
				Matcher matcher = HISTOGRAM_LINE.matcher(line);
				if (matcher.find()) {
					counts.merge(matcher.group(3),
							new long[] { Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)) },
							(a, b) -> new long[] { a[0] + b[0], a[1] + b[1] });
				}
			}
			return counts;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The classes whose live bytes grew most between two histograms, per unit (e.g. per
	 * merchant).
	 * @param before the first histogram
	 * @param after the second
	 * @param units what the growth is divided by
	 * @param top how many classes to list
	 * @return one line per class: bytes and instances per unit
	 */
	/**
	 * How much the live bytes of all classes grew between two histograms, per unit.
	 * @param before the first histogram
	 * @param after the second
	 * @param units what the growth is divided by
	 * @return bytes per unit
	 */
	static double totalGrowth(Path before, Path after, int units) {
		return (total(read(after)) - total(read(before))) / (double) units;
	}

	private static long total(Map<String, long[]> histogram) {
		return histogram.values().stream().mapToLong((counts) -> counts[1]).sum();
	}

	static List<String> growth(Path before, Path after, int units, int top) {
		Map<String, long[]> earlierCounts = read(before);
		List<Map.Entry<String, long[]>> grown = new ArrayList<>();
		read(after).forEach((type, counts) -> {
			long[] earlier = earlierCounts.getOrDefault(type, new long[2]);
			grown.add(Map.entry(type, new long[] { counts[0] - earlier[0], counts[1] - earlier[1] }));
		});
		grown.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
		List<String> lines = new ArrayList<>();
		for (Map.Entry<String, long[]> entry : grown.subList(0, Math.min(top, grown.size()))) {
			lines.add(String.format(Locale.ROOT, "%9.0f B %7.1f objects  %s", entry.getValue()[1] / (double) units,
					entry.getValue()[0] / (double) units, entry.getKey()));
		}
		return lines;
	}

	// Spring Boot's RestClient.Builder comes with a JDK HttpClient of its own, which the
	// starter replaces by the shared one at once. Such a client stays reachable from its
	// selector thread until that thread notices, up to 3 seconds after a collection, that
	// nobody holds the client any more: garbage, but counted until then.
	private static void awaitDiscardedHttpClients() {
		long quietSince = System.nanoTime();
		long selectors = selectorThreads();
		while (selectors > 0 && System.nanoTime() - quietSince < TimeUnit.MILLISECONDS.toNanos(3500)) {
			System.gc();
			pause(250);
			long now = selectorThreads();
			if (now < selectors) {
				quietSince = System.nanoTime();
			}
			selectors = now;
		}
	}

	private static long selectorThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> HTTP_CLIENT_SELECTOR.matcher(thread.getName()).matches())
			.count();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
