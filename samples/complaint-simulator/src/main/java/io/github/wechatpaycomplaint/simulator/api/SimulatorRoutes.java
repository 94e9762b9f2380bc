package io.github.wechatpaycomplaint.simulator.api;

import java.util.function.Function;

import io.github.wechatpaycomplaint.simulator.SimulatedMerchant;
import io.github.wechatpaycomplaint.simulator.http.ApiAnswer;
import io.github.wechatpaycomplaint.simulator.http.ApiRequest;
import io.github.wechatpaycomplaint.simulator.http.ApiRouter;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import io.github.wechatpaycomplaint.simulator.state.ComplaintStore;
import io.github.wechatpaycomplaint.simulator.state.MerchantState;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route of one simulated merchant: the complaint APIs on their mainland
 * ({@code /v3/merchant-service}) and Hong Kong ({@code /v3/global/merchant-service})
 * paths (only its region's, when it has one), the platform certificate download, and the
 * admin API.
 *
 * @since 0.1.0
 */
public final class SimulatorRoutes {

	private static final String MAINLAND = "/v3/merchant-service";

	private static final String GLOBAL = "/v3/global/merchant-service";

	private SimulatorRoutes() {
	}

	/**
	 * Registers every route of a merchant.
	 * @param router the merchant's router
	 * @param merchant the merchant, for its keys, region, links and the admin API
	 * @param state the merchant's complaints, images and notification URL
	 * @param jsonMapper the JSON mapper
	 * @param maxAnswerItems the most items a list or history answer may hold, 0 for no
	 * limit
	 */
	public static void register(ApiRouter router, SimulatedMerchant merchant, MerchantState state,
			JsonMapper jsonMapper, int maxAnswerItems) {
		SimulatorKeys keys = merchant.keys();
		ComplaintStore store = state.complaints();
		ComplaintRules rules = new ComplaintRules(store, state.images(), keys.merchantId());
		ComplaintJson json = new ComplaintJson(jsonMapper, keys.merchantKeys().getPublic(), merchant::baseUri,
				merchant::adminUri);
		ComplaintQueryHandler queries = new ComplaintQueryHandler(store, rules, json, jsonMapper, maxAnswerItems);
		ComplaintActionHandler actions = new ComplaintActionHandler(store, rules, jsonMapper);
		NotificationUrlHandler urls = new NotificationUrlHandler(state.notificationUrl(), rules, jsonMapper,
				keys.merchantId());
		ImageHandler imageApi = new ImageHandler(state.images(), rules, jsonMapper);
		CertificateHandler certificates = new CertificateHandler(keys, jsonMapper);
		AdminHandler admin = new AdminHandler(merchant, rules, json, state.images(), jsonMapper);
		merchant.region().ifPresent((region) -> router.check(new RegionCheck(keys.merchantId(), region)::check));

		both(router, "GET", "/complaints-v2", "/complaints", "", queries::list);
		both(router, "GET", "/complaints-v2", "/complaints", "/{complaintId}", queries::detail);
		both(router, "GET", "/complaints-v2", "/complaints", "/{complaintId}/negotiation-historys", queries::history);
		both(router, "POST", "/complaints-v2", "/complaints", "/{complaintId}/response", actions::reply);
		both(router, "POST", "/complaints-v2", "/complaints", "/{complaintId}/complete", actions::complete);
		router.wechatPay("POST", MAINLAND + "/complaints-v2/{complaintId}/response-immediate-service",
				actions::replyImmediately);
		router.wechatPay("POST", MAINLAND + "/complaints-v2/{complaintId}/update-refund-progress",
				actions::updateRefundProgress);
		for (String base : new String[] { MAINLAND, GLOBAL }) {
			router.wechatPay("POST", base + "/complaint-notifications", urls::create)
				.wechatPay("GET", base + "/complaint-notifications", urls::query)
				.wechatPay("PUT", base + "/complaint-notifications", urls::update)
				.wechatPay("DELETE", base + "/complaint-notifications", urls::delete)
				.wechatPay("POST", base + "/images/upload", imageApi::upload)
				.wechatPay("GET", base + "/images/{mediaId}", imageApi::download);
		}
		router.wechatPay("GET", "/v3/certificates", certificates::certificates)
			.wechatPay("GET", "/v3/global/certificates", certificates::certificates);

		router.admin("POST", "/simulator/complaints", admin::fileComplaint)
			.admin("GET", "/simulator/complaints", admin::complaints)
			.admin("GET", "/simulator/complaints/{complaintId}", admin::complaint)
			.admin("POST", "/simulator/complaints/{complaintId}/user-response", admin::userResponse)
			.admin("POST", "/simulator/complaints/{complaintId}/continue", admin::continueComplaint)
			.admin("POST", "/simulator/complaints/{complaintId}/refund-arrived", admin::refundArrived)
			.admin("PUT", "/simulator/callback-url", admin::setCallbackUrl)
			.admin("DELETE", "/simulator/callback-url", admin::clearCallbackUrl)
			.admin("GET", "/simulator/notifications", admin::notifications)
			.admin("GET", "/simulator/properties", admin::properties)
			.admin("GET", "/simulator/images/{mediaId}", admin::image);
	}

	private static void both(ApiRouter router, String method, String mainland, String global, String rest,
			Function<ApiRequest, ApiAnswer> handler) {
		router.wechatPay(method, MAINLAND + mainland + rest, handler);
		router.wechatPay(method, GLOBAL + global + rest, handler);
	}

}
