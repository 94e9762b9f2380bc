package io.github.wechatpaycomplaint.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

import io.github.wechatpaycomplaint.notification.NotificationMerchants;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.server.PathContainer;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.support.WebContentGenerator;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds the application's own handlers for POST at the notification paths once every
 * singleton exists, before the web server takes requests: the shared
 * {@code notification.path} and the merchants' {@code <path>/<name>}. The starter's route
 * is consulted first (its handler mapping has order -1), so such a handler would silently
 * never be called.
 *
 * <p>
 * A handler mapped to exactly the same path stops startup: two handlers for one path is
 * always a mistake. So does a handler for one more segment under the shared path, a
 * literal ({@code <path>/status}) or a single variable ({@code <path>/{id}}): the
 * starter's route takes every such path, answering 404 for a name of no merchant. A
 * pattern that also matches a notification path ({@code /wechatpay/{type}},
 * {@code /wechatpay/**}) is only logged as a warning: such patterns are often meant as a
 * fallback for everything the more specific routes do not take. A handler mapped to
 * exactly a notification path for other methods only (a {@code @GetMapping}, a view
 * controller) is a warning too: the starter's route takes every method there (answering
 * anything but POST with 405, as documented), so that handler is never called either.
 * Catch-all patterns ({@code /**}), and patterns of handlers that do not accept POST, are
 * ignored. Other {@code RouterFunction} beans are walked for the shared path, each
 * merchant's path and any variable segment under the shared path.
 */
final class NotificationPathCollisionCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(NotificationPathCollisionCheck.class);

	static final String PROPERTY = ComplaintNotificationProperties.PREFIX + ".path";

	// A segment no one names a merchant or a route: routes with a variable segment under
	// the shared path match it.
	private static final String PROBE_SEGMENT = "wechatpay-complaint-notification-path-probe";

	private final NotificationPaths paths;

	private final NotificationMerchants merchants;

	private final ListableBeanFactory beanFactory;

	// One matcher for every pattern and path; it caches what it parses.
	private final AntPathMatcher antPaths = new AntPathMatcher();

	NotificationPathCollisionCheck(NotificationPaths paths, NotificationMerchants merchants,
			ListableBeanFactory beanFactory) {
		this.paths = paths;
		this.merchants = merchants;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Collision> collisions = find();
		List<String> exact = collisions.stream()
			.filter((collision) -> collision.exact() && collision.acceptsPost())
			.map((collision) -> collision.handler() + " ('" + collision.pattern() + "')")
			.distinct()
			.toList();
		if (!exact.isEmpty()) {
			throw new InvalidComplaintPropertyException(PROPERTY,
					"'" + this.paths.shared() + "' or a merchant's path under it ('" + this.paths.merchantPattern()
							+ "') is also mapped for POST by " + String.join(", ", exact)
							+ "; the starter's notification route would take every request to it",
					"Set '" + PROPERTY + "' to a path that nothing else in the application maps, at or under it (the "
							+ "default is /wechatpay/complaint-notifications) and register the matching URLs with "
							+ "WeChat Pay, or move the application's mapping. To handle notifications yourself "
							+ "instead, set 'wechatpay.complaint.notification.enabled=false'.");
		}
		for (Collision collision : collisions) {
			if (!collision.acceptsPost()) {
				logger.warn("'" + PROPERTY + "' (" + collision.path() + ") is also mapped, for other methods than "
						+ "POST, by " + collision.handler() + "; it is never called: the WeChat Pay complaint "
						+ "notification endpoint takes every request to " + collision.path()
						+ " and answers anything but POST with 405. Move that mapping to another path");
				continue;
			}
			logger.warn("'" + PROPERTY + "' (" + collision.path() + ") is also matched by the pattern '"
					+ collision.pattern() + "' of " + collision.handler() + "; POST requests to " + collision.path()
					+ " go to the WeChat Pay complaint notification endpoint, never to it");
		}
	}

	List<Collision> find() {
		List<String> targets = targets();
		// Each pattern is tried on every merchant's path: parse the paths once.
		Map<String, PathContainer> parsed = new HashMap<>();
		List<Collision> collisions = new ArrayList<>();
		for (HandlerMapping mapping : this.beanFactory.getBeansOfType(HandlerMapping.class, false, false).values()) {
			if (mapping instanceof RequestMappingInfoHandlerMapping methods) {
				methods.getHandlerMethods()
					.forEach((info, method) -> handlerMethod(info, method, targets, parsed, collisions));
			}
			else if (mapping instanceof AbstractUrlHandlerMapping urls) {
				urls.getHandlerMap()
					.forEach((pattern, handler) -> add(collisions, pattern,
							"the handler " + handler.getClass().getName(), acceptsPost(handler),
							(path) -> this.antPaths.match(pattern, path), targets));
			}
		}
		this.beanFactory.getBeansOfType(RouterFunction.class, false, false).forEach((name, routerFunction) -> {
			if (!ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME.equals(name)) {
				for (String target : targets) {
					RouteCollisionVisitor visitor = new RouteCollisionVisitor(target);
					routerFunction.accept(visitor);
					for (String pattern : visitor.matchingPatterns()) {
						// The visitor found that the route takes the target.
						add(collisions, pattern, "the RouterFunction bean '" + name + "'", true, (path) -> true,
								List.of(target));
					}
				}
			}
		});
		return collisions;
	}

	// The shared path first, then each merchant's path, then a segment of no merchant.
	private List<String> targets() {
		List<String> targets = new ArrayList<>();
		targets.add(this.paths.shared());
		for (String name : new TreeSet<>(this.merchants.names())) {
			targets.add(this.paths.merchantPath(name));
		}
		targets.add(this.paths.merchantPath(PROBE_SEGMENT));
		return targets;
	}

	private void handlerMethod(RequestMappingInfo info, HandlerMethod method, List<String> targets,
			Map<String, PathContainer> parsed, List<Collision> collisions) {
		boolean acceptsPost = info.getMethodsCondition().getMethods().isEmpty()
				|| info.getMethodsCondition().getMethods().contains(RequestMethod.POST);
		if (info.getPathPatternsCondition() != null) {
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				add(collisions, pattern.getPatternString(), method.toString(), acceptsPost,
						(path) -> pattern.matches(parsed.computeIfAbsent(path, PathContainer::parsePath)), targets);
			}
		}
		else if (info.getPatternsCondition() != null) {
			for (String pattern : info.getPatternsCondition().getPatterns()) {
				add(collisions, pattern, method.toString(), acceptsPost, (path) -> this.antPaths.match(pattern, path),
						targets);
			}
		}
	}

	private static boolean acceptsPost(Object handler) {
		return !(handler instanceof WebContentGenerator generator && generator.getSupportedMethods() != null
				&& !List.of(generator.getSupportedMethods()).contains("POST"));
	}

	// A handler for other methods only is reported when mapped to exactly a path; a
	// pattern of such a handler (static resources under /**, say) is no sign of a
	// mistake.
	private void add(List<Collision> collisions, String pattern, String handler, boolean acceptsPost,
			Predicate<String> matches, List<String> targets) {
		if (isCatchAll(pattern)) {
			return;
		}
		if (this.paths.isUnderMerchantPattern(pattern)) {
			// Shadowed by the merchants' route whether or not it names a merchant.
			collisions.add(new Collision(this.paths.merchantPattern(), pattern, handler, true, acceptsPost));
			return;
		}
		for (String target : targets) {
			if (matches.test(target)) {
				boolean exact = pattern.equals(target);
				if (acceptsPost || exact) {
					collisions.add(new Collision(target, pattern, handler, exact, acceptsPost));
				}
				return;
			}
		}
	}

	private static boolean isCatchAll(String pattern) {
		return pattern.equals("/**") || pattern.equals("**")
				|| (pattern.startsWith("/{*") && pattern.endsWith("}") && pattern.indexOf('/', 1) < 0);
	}

	/**
	 * Another handler whose mapping matches a notification path.
	 *
	 * @param path the notification path (or the merchants' pattern) it matches
	 * @param pattern the pattern it is mapped with
	 * @param handler what it is, for the message
	 * @param exact whether the pattern is the notification path itself, or takes a
	 * merchant's path whatever the merchant
	 * @param acceptsPost whether it takes POST (otherwise it is mapped for other methods
	 * only)
	 */
	record Collision(String path, String pattern, String handler, boolean exact, boolean acceptsPost) {
	}

}
