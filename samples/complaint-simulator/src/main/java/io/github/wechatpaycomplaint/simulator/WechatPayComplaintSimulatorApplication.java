package io.github.wechatpaycomplaint.simulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator alone until Ctrl+C: prints its port and admin calls, and writes the
 * application properties file.
 *
 * @since 0.1.0
 */
public final class WechatPayComplaintSimulatorApplication {

	private WechatPayComplaintSimulatorApplication() {
	}

	public static void main(String[] args) throws InterruptedException {
		SimulatorCommandLine commandLine = new SimulatorCommandLine(args);
		if (commandLine.help()) {
			System.out.println(SimulatorCommandLine.USAGE);
			return;
		}
		WechatPayComplaintSimulator simulator = WechatPayComplaintSimulator.start(commandLine.settings());
		Path properties = simulator.writeProperties(commandLine.propertiesFile()).toAbsolutePath();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			simulator.close();
			stopped.countDown();
		}));
		String base = simulator.baseUri();
		System.out.println("WeChat Pay complaint simulator listening on " + base + " (port " + simulator.port() + ")");
		for (SimulatedMerchant merchant : simulator.merchants()) {
			System.out.println("Merchant '" + merchant.name() + "' " + merchant.merchantId()
					+ merchant.region().map((region) -> " (" + region + ")").orElse("") + ", WeChat Pay public key "
					+ merchant.keys().publicKeyId() + ", platform certificate "
					+ merchant.keys().platformCertificateSerial());
			System.out.println("  " + merchant.complaints().size() + " complaints filed; notifications go to "
					+ merchant.notificationTarget().map(Object::toString).orElse("(no callback yet)") + "; admin "
					+ merchant.adminUri());
		}
		System.out.println("Application properties written to " + properties);
		System.out.println("  start your application with --spring.config.import=optional:file:" + properties);
		System.out.println("Admin calls:");
		System.out.println(
				"  curl -s -X POST " + base + "/simulator/complaints -d '{\"complaint_detail\":\"Charged twice\"}'");
		System.out.println("  curl -s " + base + "/simulator/complaints");
		System.out.println("  curl -s -X PUT " + base
				+ "/simulator/callback-url -d '{\"url\":\"http://localhost:8080/wechatpay/complaint-notifications\"}'");
		System.out.println("  curl -s " + base + "/simulator/notifications");
		System.out.println("  curl -s " + base + "/simulator/merchants"
				+ "      (each merchant's own calls: /simulator/merchants/<name>/complaints, ...)");
		System.out.println("Ctrl+C stops it.");
		stopped.await();
	}

}
