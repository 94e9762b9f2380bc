package io.github.wechatpaycomplaint.client;

import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.wechatpaycomplaint.resilience.RateLimitedApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.client.MockClientHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one model of WeChat Pay's operations, as a table: method, mainland and Hong Kong
 * templates, read or write, quota, signed answer; and how a request with, without or with
 * a mismatched operation attribute is treated.
 */
class WechatPayOperationTests {

	private static final String CN = "/v3/merchant-service/complaints-v2/{complaint_id}";

	private static final String HK = "/v3/global/merchant-service/complaints/{complaint_id}";

	private static final String CN_NOTIFICATIONS = "/v3/merchant-service/complaint-notifications";

	private static final String HK_NOTIFICATIONS = "/v3/global/merchant-service/complaint-notifications";

	static Stream<Arguments> table() {
		return Stream.of(
				row(WechatPayOperation.LIST, "GET", "/v3/merchant-service/complaints-v2",
						"/v3/global/merchant-service/complaints", "READ", "LIST", "SIGNED"),
				row(WechatPayOperation.DETAIL, "GET", CN, HK, "READ", "FEEDBACK", "SIGNED"),
				row(WechatPayOperation.HISTORY, "GET", CN + "/negotiation-historys", HK + "/negotiation-historys",
						"READ", "FEEDBACK", "SIGNED"),
				row(WechatPayOperation.REPLY, "POST", CN + "/response", HK + "/response", "WRITE", "FEEDBACK",
						"SIGNED"),
				row(WechatPayOperation.IMMEDIATE_REPLY, "POST", CN + "/response-immediate-service", null, "WRITE",
						"FEEDBACK", "SIGNED"),
				row(WechatPayOperation.COMPLETE, "POST", CN + "/complete", HK + "/complete", "WRITE", "FEEDBACK",
						"SIGNED"),
				row(WechatPayOperation.REFUND_PROGRESS, "POST", CN + "/update-refund-progress", null, "WRITE",
						"FEEDBACK", "SIGNED"),
				row(WechatPayOperation.NOTIFICATION_URL_CREATE, "POST", CN_NOTIFICATIONS, HK_NOTIFICATIONS, "WRITE",
						"FEEDBACK", "SIGNED"),
				row(WechatPayOperation.NOTIFICATION_URL_QUERY, "GET", CN_NOTIFICATIONS, HK_NOTIFICATIONS, "READ",
						"FEEDBACK", "SIGNED"),
				row(WechatPayOperation.NOTIFICATION_URL_UPDATE, "PUT", CN_NOTIFICATIONS, HK_NOTIFICATIONS, "WRITE",
						"FEEDBACK", "SIGNED"),
				row(WechatPayOperation.NOTIFICATION_URL_DELETE, "DELETE", CN_NOTIFICATIONS, HK_NOTIFICATIONS, "WRITE",
						"FEEDBACK", "SIGNED"),
				row(WechatPayOperation.IMAGE_UPLOAD, "POST", "/v3/merchant-service/images/upload",
						"/v3/global/merchant-service/images/upload", "WRITE", "FEEDBACK", "SIGNED"),
				row(WechatPayOperation.IMAGE_DOWNLOAD, "GET", "/v3/merchant-service/images/{media_id}",
						"/v3/global/merchant-service/images/{media_id}", "READ", "FEEDBACK", "UNSIGNED"),
				row(WechatPayOperation.CERTIFICATES, "GET", "/v3/certificates", "/v3/global/certificates", "READ",
						"NONE", "SIGNED"));
	}

	private static Arguments row(WechatPayOperation operation, String method, String mainland, String hongKong,
			String access, String quota, String answer) {
		return Arguments.of(operation, method, mainland, hongKong, access, quota, answer);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void eachOperationCarriesItsMethodTemplatesAccessQuotaAndAnswer(WechatPayOperation operation, String method,
			String mainland, String hongKong, String access, String quota, String answer) {
		assertThat(operation.getMethod()).isEqualTo(HttpMethod.valueOf(method));
		assertThat(operation.getMainlandPathTemplate()).isEqualTo(mainland);
		assertThat(operation.getHongKongPathTemplate()).isEqualTo(hongKong);
		assertThat(operation.getPathTemplate(WechatPayEndpoint.MAINLAND)).isEqualTo(mainland);
		assertThat(operation.getPathTemplate(WechatPayEndpoint.MAINLAND_BACKUP)).isEqualTo(mainland);
		assertThat(operation.getPathTemplate(WechatPayEndpoint.HONG_KONG)).isEqualTo(hongKong);
		assertThat(operation.isRead()).isEqualTo("READ".equals(access));
		assertThat(operation.getRateLimitGroup())
			.isEqualTo("NONE".equals(quota) ? null : RateLimitedApi.valueOf(quota));
		assertThat(operation.isAnswerSigned()).isEqualTo("SIGNED".equals(answer));
		// The typed client's request, attribute and method as it sends them, is read back
		// the same way.
		MockClientHttpRequest request = request(operation.getMethod(), operation);
		assertThat(WechatPayOperation.of(request)).contains(operation);
		assertThat(WechatPayOperation.isReadRequest(request)).isEqualTo(operation.isRead());
		assertThat(WechatPayOperation.rateLimitGroupOf(request)).isEqualTo(operation.getRateLimitGroup());
		assertThat(WechatPayOperation.expectsSignedAnswer(request)).isEqualTo(operation.isAnswerSigned());
	}

	@Test
	void theTableCoversEveryOperation() {
		Set<Object> inTable = table().map((row) -> row.get()[0]).collect(Collectors.toSet());
		assertThat(inTable).isEqualTo(EnumSet.allOf(WechatPayOperation.class));
	}

	@Test
	void theCertificatePathOfAnEndpointComesFromTheModel() {
		assertThat(WechatPayEndpoint.MAINLAND.getCertificatesPath()).isEqualTo("/v3/certificates");
		assertThat(WechatPayEndpoint.HONG_KONG.getCertificatesPath()).isEqualTo("/v3/global/certificates");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH" })
	void aRequestWithoutAnOperationIsASignedCallOnTheFeedbackQuotaAndAReadOnlyBySafeMethod(String method) {
		MockClientHttpRequest request = request(HttpMethod.valueOf(method), null);
		assertThat(WechatPayOperation.of(request)).isEmpty();
		assertThat(WechatPayOperation.expectsSignedAnswer(request)).isTrue();
		assertThat(WechatPayOperation.rateLimitGroupOf(request)).isEqualTo(RateLimitedApi.FEEDBACK);
		assertThat(WechatPayOperation.isReadRequest(request)).isEqualTo(method.equals("GET") || method.equals("HEAD"));
	}

	@Test
	void anOperationAttachedToARequestOfAnotherMethodCountsForNothing() {
		// An unsigned answer is only ever accepted for a GET marked as the image
		// download.
		MockClientHttpRequest post = request(HttpMethod.POST, WechatPayOperation.IMAGE_DOWNLOAD);
		assertThat(WechatPayOperation.of(post)).isEmpty();
		assertThat(WechatPayOperation.expectsSignedAnswer(post)).isTrue();
		assertThat(WechatPayOperation.isReadRequest(post)).isFalse();
		MockClientHttpRequest other = request(HttpMethod.GET, WechatPayOperation.LIST);
		other.getAttributes().put(WechatPayOperation.ATTRIBUTE, "LIST");
		assertThat(WechatPayOperation.of(other)).isEmpty();
	}

	@Test
	void matchesARawPathAgainstEitherTemplateSegmentBySegment() {
		assertThat(WechatPayOperation.IMAGE_DOWNLOAD.matchRawPath("/v3/merchant-service/images/Chsy%3D%3D"))
			.contains(Map.of("media_id", "Chsy%3D%3D"));
		assertThat(WechatPayOperation.IMAGE_DOWNLOAD.matchRawPath("/v3/global/merchant-service/images/abc"))
			.contains(Map.of("media_id", "abc"));
		assertThat(WechatPayOperation.IMAGE_UPLOAD.matchRawPath("/v3/merchant-service/images/upload"))
			.contains(Map.of());
		assertThat(WechatPayOperation.IMAGE_DOWNLOAD.matchRawPath("/v3/merchant-service/images/")).isEmpty();
		assertThat(WechatPayOperation.IMAGE_DOWNLOAD.matchRawPath("/v3/merchant-service/images/a/b")).isEmpty();
		assertThat(WechatPayOperation.IMAGE_DOWNLOAD.matchRawPath("/v3/merchant-service/images/abc/")).isEmpty();
		assertThat(WechatPayOperation.IMAGE_DOWNLOAD.matchRawPath("/v3/merchant-service/imagez/abc")).isEmpty();
		assertThat(WechatPayOperation.REFUND_PROGRESS
			.matchRawPath("/v3/global/merchant-service/complaints/2002/update-refund-progress")).isEmpty();
	}

	@Test
	void anOperationAttachedToARequestForAnotherPathCountsForNothing() {
		// Marking a detail call as the image download must not let an unsigned answer
		// through.
		MockClientHttpRequest detail = request(HttpMethod.GET, WechatPayOperation.IMAGE_DOWNLOAD,
				"https://api.mch.weixin.qq.com/v3/merchant-service/complaints-v2/123");
		assertThat(WechatPayOperation.of(detail)).isEmpty();
		assertThat(WechatPayOperation.expectsSignedAnswer(detail)).isTrue();
		MockClientHttpRequest certificates = request(HttpMethod.GET, WechatPayOperation.CERTIFICATES,
				"https://api.mch.weixin.qq.com/v3/merchant-service/complaints-v2");
		assertThat(WechatPayOperation.rateLimitGroupOf(certificates)).isEqualTo(RateLimitedApi.FEEDBACK);
		// A base URI with a path of its own (a forward proxy) keeps the operation.
		MockClientHttpRequest proxied = request(HttpMethod.GET, WechatPayOperation.IMAGE_DOWNLOAD,
				"https://proxy.example.com/wechatpay/v3/merchant-service/images/Chsy%3D%3D");
		assertThat(WechatPayOperation.of(proxied)).contains(WechatPayOperation.IMAGE_DOWNLOAD);
		MockClientHttpRequest hongKong = request(HttpMethod.GET, WechatPayOperation.DETAIL,
				"https://apihk.mch.weixin.qq.com/v3/global/merchant-service/complaints/123");
		assertThat(WechatPayOperation.of(hongKong)).contains(WechatPayOperation.DETAIL);
	}

	private static MockClientHttpRequest request(HttpMethod method, WechatPayOperation operation) {
		String path = (operation != null) ? operation.getMainlandPathTemplate().replaceAll("\\{[^}]+}", "x1")
				: "/v3/anything";
		return request(method, operation, "https://api.mch.weixin.qq.com" + path);
	}

	private static MockClientHttpRequest request(HttpMethod method, WechatPayOperation operation, String uri) {
		MockClientHttpRequest request = new MockClientHttpRequest(method, URI.create(uri));
		if (operation != null) {
			request.getAttributes().put(WechatPayOperation.ATTRIBUTE, operation);
		}
		return request;
	}

}
