package io.github.wechatpaycomplaint.api;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.wechatpaycomplaint.client.WechatPayAnswerTooLargeException;
import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.NegotiationHistoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.signedError;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.signedJson;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.withClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The paging streams make exactly the calls needed: windows of 30 days (both ends
 * included), pages of 50 (history: 300), no call after a short page or once the offset
 * reaches {@code total_count}, nothing before consumption, and half-size pages when
 * WeChat Pay says an answer would be too large.
 */
class WechatPayComplaintClientPagingTests {

	private static final String LIST = "/v3/merchant-service/complaints-v2";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void streams120ComplaintsOf75DaysInExactlyFourCalls() {
		// 2025-01-01..2025-03-16 is 75 days: windows of 30, 30 and 15 days holding 60, 50
		// and 10 complaints.
		stubPage("2025-01-01", "2025-01-30", 0, complaints(0, 50), 60);
		stubPage("2025-01-01", "2025-01-30", 50, complaints(50, 10), null);
		stubPage("2025-01-31", "2025-03-01", 0, complaints(60, 50), 50);
		stubPage("2025-03-02", "2025-03-16", 0, complaints(110, 10), 10);
		withClient(wireMock, (client) -> {
			Stream<Complaint> stream = client.streamComplaints(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 16));
			assertThat(wireMock.getAllServeEvents()).as("lazy: nothing fetched before consumption").isEmpty();
			assertThat(stream.map(Complaint::complaintId).toList()).containsExactlyElementsOf(
					IntStream.range(0, 120).mapToObj(WechatPayComplaintClientPagingTests::id).toList());
		});
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
			.containsExactly(query("2025-01-01", "2025-01-30", 0), query("2025-01-01", "2025-01-30", 50),
					query("2025-01-31", "2025-03-01", 0), query("2025-03-02", "2025-03-16", 0));
	}

	@Test
	void fetchesOnlyThePagesAShortStreamConsumes() {
		stubPage("2025-01-01", "2025-01-30", 0, complaints(0, 50), 60);
		withClient(wireMock,
				(client) -> assertThat(
						client.streamComplaints(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 16)).limit(3).count())
					.isEqualTo(3));
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
	}

	@Test
	void appliesTheSubMerchantFilterToEveryWindow() {
		stubPage("2025-01-01", "2025-01-30", 0, "&complainted_mchid=1900012181", complaints(0, 1), 1);
		stubPage("2025-01-31", "2025-02-01", 0, "&complainted_mchid=1900012181", complaints(1, 0), 0);
		withClient(wireMock,
				(client) -> assertThat(client
					.streamComplaints(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1),
							(query) -> query.complaintedMchid("1900012181"))
					.count()).isEqualTo(1));
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
	}

	@Test
	void streamsTheWholeNegotiationHistoryInPagesOf300() {
		String path = "/v3/merchant-service/complaints-v2/200201820200101080076610000/negotiation-historys";
		wireMock.stubFor(get(urlEqualTo(path + "?limit=300&offset=0")).willReturn(signedJson(historyPage(0, 300, 0))));
		wireMock.stubFor(
				get(urlEqualTo(path + "?limit=300&offset=300")).willReturn(signedJson(historyPage(300, 300, 300))));
		wireMock
			.stubFor(get(urlEqualTo(path + "?limit=300&offset=600")).willReturn(signedJson(historyPage(600, 20, 600))));
		withClient(wireMock,
				(client) -> assertThat(client.streamNegotiationHistory("200201820200101080076610000")
					.map(NegotiationHistoryEntry::logId)
					.distinct()
					.count()).isEqualTo(620));
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
	}

	@Test
	void asksForSmallerPagesWhenWechatPaySaysTheAnswerIsTooLarge() {
		String window = "&begin_date=2025-01-01&end_date=2025-01-30";
		wireMock.stubFor(get(urlEqualTo(LIST + "?limit=50&offset=0" + window))
			.willReturn(signedError(400, "{\"code\":\"PARAM_ERROR\",\"message\":\"当前查询结果数据量过大，请缩小limit\"}")));
		wireMock.stubFor(get(urlEqualTo(LIST + "?limit=25&offset=0" + window))
			.willReturn(signedJson(listPage(complaints(0, 25), 25, 0))));
		wireMock.stubFor(get(urlEqualTo(LIST + "?limit=25&offset=25" + window))
			.willReturn(signedJson(listPage(complaints(25, 5), 25, 25))));
		withClient(wireMock,
				(client) -> assertThat(client.streamComplaints(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 30))
					.map(Complaint::complaintId)
					.toList()).containsExactlyElementsOf(
							IntStream.range(0, 30).mapToObj(WechatPayComplaintClientPagingTests::id).toList()));
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
			.containsExactly(LIST + "?limit=50&offset=0" + window, LIST + "?limit=25&offset=0" + window,
					LIST + "?limit=25&offset=25" + window);
	}

	@Test
	void asksForSmallerPagesWhenAnAnswerRunsPastTheStartersCap() {
		String window = "&begin_date=2025-01-01&end_date=2025-01-30";
		wireMock.stubFor(get(urlEqualTo(LIST + "?limit=50&offset=0" + window)).willReturn(aResponse().withStatus(200)
			.withBody(new byte[WechatPayAnswerTooLargeException.MAX_JSON_ANSWER_BYTES + 1])));
		wireMock.stubFor(get(urlEqualTo(LIST + "?limit=25&offset=0" + window))
			.willReturn(signedJson(listPage(complaints(0, 5), 25, 0))));
		withClient(wireMock,
				(client) -> assertThat(
						client.streamComplaints(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 30)).count())
					.isEqualTo(5));
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
			.containsExactly(LIST + "?limit=50&offset=0" + window, LIST + "?limit=25&offset=0" + window);
	}

	@Test
	void givesUpWhenEvenOneItemIsTooLarge() {
		String path = "/v3/merchant-service/complaints-v2/200201820200101080076610000/negotiation-historys";
		wireMock.stubFor(get(urlPathEqualTo(path))
			.willReturn(signedError(400, "{\"code\":\"INVALID_REQUEST\",\"message\":\"当前查询结果数据量过大\"}")));
		withClient(wireMock,
				(client) -> assertThatExceptionOfType(WechatPayApiException.class)
					.isThrownBy(() -> client.streamNegotiationHistory("200201820200101080076610000").toList())
					.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("INVALID_REQUEST")),
				"wechatpay.complaint.client.rate-limit.enabled=false");
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getQueryParams)
			.extracting((query) -> query.get("limit").firstValue())
			.containsExactly("300", "150", "75", "37", "18", "9", "4", "2", "1");
	}

	@Test
	void doesNotRetryOtherErrors() {
		wireMock.stubFor(get(urlPathEqualTo(LIST))
			.willReturn(signedError(400, "{\"code\":\"PARAM_ERROR\",\"message\":\"begin_date格式错误\"}")));
		withClient(wireMock, (client) -> assertThatExceptionOfType(WechatPayApiException.class)
			.isThrownBy(() -> client.streamComplaints(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 30)).toList()));
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
	}

	private static String listPage(List<String> items, int limit, int offset) {
		return "{\"data\":[" + String.join(",", items) + "],\"limit\":" + limit + ",\"offset\":" + offset + "}";
	}

	private static void stubPage(String begin, String end, int offset, List<String> items, Integer total) {
		stubPage(begin, end, offset, "", items, total);
	}

	private static void stubPage(String begin, String end, int offset, String filter, List<String> items,
			Integer total) {
		String body = "{\"data\":[" + String.join(",", items) + "],\"limit\":50,\"offset\":" + offset
				+ ((total != null) ? ",\"total_count\":" + total : "") + "}";
		wireMock.stubFor(get(urlEqualTo(query(begin, end, offset) + filter)).willReturn(signedJson(body)));
	}

	private static String query(String begin, String end, int offset) {
		return LIST + "?limit=50&offset=" + offset + "&begin_date=" + begin + "&end_date=" + end;
	}

	private static List<String> complaints(int first, int count) {
		return IntStream.range(first, first + count)
			.mapToObj((i) -> "{\"complaint_id\":\"" + id(i) + "\",\"complaint_time\":\"2025-01-02T10:00:00+08:00\","
					+ "\"complaint_detail\":\"d\",\"complaint_state\":\"PENDING\",\"complainted_mchid\":\"1900012181\"}")
			.toList();
	}

	private static String id(int i) {
		return String.format("2000000202501%014d", i);
	}

	private static String historyPage(int first, int count, int offset) {
		String items = IntStream.range(first, first + count)
			.mapToObj((i) -> "{\"log_id\":\"log-" + i + "\",\"operator\":\"商户\","
					+ "\"operate_time\":\"2025-06-13T10:15:00+08:00\",\"operate_type\":\"MERCHANT_RESPONSE\"}")
			.collect(Collectors.joining(","));
		return "{\"data\":[" + items + "],\"limit\":300,\"offset\":" + offset + "}";
	}

}
