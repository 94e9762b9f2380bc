package io.github.wechatpaycomplaint.samples.complainthandling;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.wechatpaycomplaint.simulator.SimulatedMerchant;
import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.state.Complaint;
import io.github.wechatpaycomplaint.simulator.state.ComplaintState;
import io.github.wechatpaycomplaint.simulator.state.HistoryEntry;
import io.github.wechatpaycomplaint.simulator.state.NewComplaint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample as a native image would run it, on the JVM: processed ahead of time in the
 * build ({@code spring-boot:process-aot}, conditions decided with {@code application.yml}
 * as it is), started from its executable jar with {@code -Dspring.aot.enabled=true} in a
 * JVM of its own, nothing of the tests on its classpath. For each of the sample's
 * merchants, the mainland {@code main} and the Hong Kong {@code hk}, a complaint filed at
 * the simulator in this JVM is notified to the application, its listeners fetch the
 * complaint, upload the image, reply and complete through that merchant's client, and the
 * simulator sees the reply. Run by {@code ./mvnw verify} after {@code package}.
 */
class AotModeStoryTests {

	/** Set by the build to the executable jar. */
	static final String JAR_PROPERTY = "aot.sample.jar";

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Test
	void theAotProcessedApplicationHandlesAComplaintEndToEnd(@TempDir Path directory) {
		String jar = System.getProperty(JAR_PROPERTY);
		assumeTrue(jar != null, "run by ./mvnw verify, which builds the AOT-processed jar first");
		assertThat(Path.of(jar)).as("the AOT-processed executable jar").exists();
		try (WechatPayComplaintSimulator simulator = WechatPayComplaintSimulator
			.start(SimulatedComplaintHandlingApplication.merchants(SimulatorSettings.defaults()));
				ProcessedApplication application = ProcessedApplication.start(Path.of(jar),
						List.of("-Dspring.aot.enabled=true"), arguments(simulator, directory),
						directory.resolve("application.log"))) {
			try {
				tellTheStory(simulator, application);
			}
			catch (AssertionError | RuntimeException ex) {
				ex.addSuppressed(new IllegalStateException("The application's output:\n" + application.output()));
				throw ex;
			}
		}
	}

	private static void tellTheStory(WechatPayComplaintSimulator simulator, ProcessedApplication application) {
		int port = application.awaitPort(STARTUP);
		assertThat(application.output()).contains("Starting AOT-processed ComplaintHandlingApplication");
		for (SimulatedMerchant merchant : simulator.merchants()) {
			merchant.callbackUrl(
					URI.create("http://127.0.0.1:" + port + "/wechatpay/complaint-notifications/" + merchant.name()));
		}
		for (SimulatedMerchant merchant : simulator.merchants()) {
			// a refund: the sample leaves OTHERS complaints to a person
			String id = merchant.fileComplaint(new NewComplaint(null, null, "REFUND", null));

			await().atMost(PATIENCE).until(() -> complaint(merchant, id).getState() == ComplaintState.PROCESSED);
			List<HistoryEntry> history = complaint(merchant, id).getHistory();
			assertThat(history).as(merchant.name())
				.extracting(HistoryEntry::operateType)
				.containsExactly("USER_CREATE_COMPLAINT", "MERCHANT_RESPONSE", "MERCHANT_CONFIRM_COMPLETE");
			assertThat(history.get(1).operateDetails()).isEqualTo(ComplaintListeners.FIRST_REPLY);
			assertThat(history.get(1).imageList()).hasSize(1);
		}
	}

	// The simulator's keys through a properties file (as its own instructions say), and
	// what the "simulator" profile of the other tests sets. None of them decides a
	// condition: those were decided at build time with application.yml.
	private static List<String> arguments(WechatPayComplaintSimulator simulator, Path directory) {
		Path properties = simulator.writeProperties(directory.resolve("simulator.properties"));
		return List.of("--spring.config.import=optional:file:" + properties.toAbsolutePath(), "--server.port=0",
				"--wechatpay.complaint.client.failover.enabled=false",
				"--wechatpay.complaint.client.rate-limit.feedback.permits=600",
				"--wechatpay.complaint.client.rate-limit.feedback.period=1m",
				"--spring.datasource.url=jdbc:h2:mem:complaint-inbox;DB_CLOSE_DELAY=-1",
				"--wechatpay.complaint.notification.inbox.poll-interval=20ms");
	}

	private static Complaint complaint(SimulatedMerchant merchant, String id) {
		return merchant.complaint(id).orElseThrow();
	}

}
