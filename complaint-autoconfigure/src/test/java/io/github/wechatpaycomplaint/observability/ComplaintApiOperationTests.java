package io.github.wechatpaycomplaint.observability;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests are classified by method and path template, in the mainland and in Hong Kong.
 */
class ComplaintApiOperationTests {

	@ParameterizedTest
	@CsvSource({ "GET, /v3/merchant-service/complaints-v2, LIST",
			"GET, /v3/global/merchant-service/complaints, LIST",
			"GET, /v3/merchant-service/complaints-v2/200201820200101080076610000, DETAIL",
			"GET, /v3/global/merchant-service/complaints/200201820200101080076610000, DETAIL",
			"GET, /v3/merchant-service/complaints-v2/2002018/negotiation-historys, HISTORY",
			"POST, /v3/merchant-service/complaints-v2/2002018/response, REPLY",
			"POST, /v3/merchant-service/complaints-v2/2002018/response-immediate-service, IMMEDIATE_REPLY",
			"POST, /v3/merchant-service/complaints-v2/2002018/complete, COMPLETE",
			"POST, /v3/merchant-service/complaints-v2/2002018/update-refund-progress, REFUND_PROGRESS",
			"POST, /v3/merchant-service/complaint-notifications, NOTIFICATION_URL_CREATE",
			"GET, /v3/merchant-service/complaint-notifications, NOTIFICATION_URL_QUERY",
			"PUT, /v3/merchant-service/complaint-notifications, NOTIFICATION_URL_UPDATE",
			"DELETE, /v3/merchant-service/complaint-notifications, NOTIFICATION_URL_DELETE",
			"POST, /v3/merchant-service/images/upload, IMAGE_UPLOAD",
			"GET, /v3/merchant-service/images/ChsyMDAwMDAwMjAyMTA4, IMAGE_DOWNLOAD",
			"GET, /v3/certificates, CERTIFICATES", "GET, /v3/global/certificates, CERTIFICATES",
			"DELETE, /v3/merchant-service/complaints-v2/2002018, OTHER",
			"GET, /v3/merchant-service/complaints-v2/2002018/unknown-action, OTHER",
			"GET, /v3/pay/transactions/id/4200001, OTHER" })
	void classifiesByMethodAndPathTemplate(String method, String path, ComplaintApiOperation operation) {
		assertThat(ComplaintApiOperation.classify(HttpMethod.valueOf(method), path)).isEqualTo(operation);
	}

}
