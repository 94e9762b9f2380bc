package io.github.wechatpaycomplaint.simulated;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintApiAutoConfiguration;
import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * With {@code maxAnswerItems}, the simulator refuses pages that are too large the way
 * WeChat Pay does, and the starter's paging streams get every complaint anyway by asking
 * for smaller pages.
 */
class AnswerTooLargeTests {

	private static final String LIST = "/v3/merchant-service/complaints-v2";

	private static WechatPayComplaintSimulator simulator;

	@BeforeAll
	static void start() {
		simulator = WechatPayComplaintSimulator
			.start(SimulatorSettings.defaults().keys(StarterClient.KEYS).initialComplaints(20).maxAnswerItems(8));
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void refusesAPageOfMoreItemsAsTooLarge() {
		StarterClient.with(simulator, (client) -> {
			WechatPayApiException refused = catchThrowableOfType(WechatPayApiException.class,
					() -> client.get()
						.uri(LIST + "?limit=9&offset=0&" + StarterClient.listQuery())
						.retrieve()
						.body(String.class));
			assertThat(refused.getStatusCode()).isEqualTo(400);
			assertThat(refused.getCode()).isEqualTo("PARAM_ERROR");
			assertThat(refused.getErrorMessage()).contains("当前查询结果数据量过大");
			assertThat(client.get()
				.uri(LIST + "?limit=8&offset=0&" + StarterClient.listQuery())
				.retrieve()
				.body(String.class)).contains("\"limit\":8");
		});
	}

	@Test
	void theStarterStreamsEveryComplaintInSmallerPages() {
		LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
		StarterClient.runner(simulator)
			.withConfiguration(AutoConfigurations.of(ComplaintApiAutoConfiguration.class))
			.withPropertyValues("wechatpay.complaint.client.rate-limit.enabled=false")
			.run((context) -> {
				StarterClient.assertStarted(context);
				assertThat(context.getBean(WechatPayComplaintClient.class)
					.streamComplaints(today.minusDays(1), today.plusDays(1))
					.map(Complaint::complaintId)
					.distinct()
					.count()).isEqualTo(20);
			});
	}

}
