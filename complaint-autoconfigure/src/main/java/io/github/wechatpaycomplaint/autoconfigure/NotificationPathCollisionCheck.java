package io.github.wechatpaycomplaint.autoconfigure;

import java.util.ArrayList;
import java.util.List;

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
 * Finds the application's own handlers for POST at {@code notification.path} once every
 * singleton exists, before the web server takes requests. The starter's route is
 * consulted first (its handler mapping has order -1), so such a handler would silently
 * never be called.
 *
 * <p>
 * A handler mapped to exactly the same path stops startup: two handlers for one path is
 * always a mistake. A pattern that also matches the path ({@code /wechatpay/{type}},
 * {@code /wechatpay/**}) is only logged as a warning: such patterns are often meant as a
 * fallback for everything the more specific routes do not take. A handler mapped to
 * exactly the path for other methods only (a {@code @GetMapping}, a view controller) is a
 * warning too: the starter's route takes every method there (answering anything but POST
 * with 405, as documented), so that handler is never called either. Catch-all patterns
 * ({@code /**}), and patterns of handlers that do not accept POST, are ignored.
 */
final class NotificationPathCollisionCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(NotificationPathCollisionCheck.class);

	static final String PROPERTY = ComplaintNotificationProperties.PREFIX + ".path";

	private final String path;

	private final ListableBeanFactory beanFactory;

	NotificationPathCollisionCheck(String path, ListableBeanFactory beanFactory) {
		this.path = path;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Collision> collisions = find();
		List<String> exact = collisions.stream()
			.filter((collision) -> collision.exact() && collision.acceptsPost())
			.map(Collision::handler)
			.toList();
		if (!exact.isEmpty()) {
			throw new InvalidComplaintPropertyException(PROPERTY,
					"'" + this.path + "' is also mapped for POST by " + String.join(", ", exact)
							+ "; the starter's notification route would take every request to it",
					"Set '" + PROPERTY + "' to a path that nothing else in the application maps (the default is "
							+ "/wechatpay/complaint-notifications) and register the matching URL with WeChat Pay, or "
							+ "move the application's mapping. To handle notifications yourself instead, set "
							+ "'wechatpay.complaint.notification.enabled=false'.");
		}
		for (Collision collision : collisions) {
			if (!collision.acceptsPost()) {
				logger.warn("'" + PROPERTY + "' (" + this.path + ") is also mapped, for other methods than POST, by "
						+ collision.handler() + "; it is never called: the WeChat Pay complaint notification endpoint "
						+ "takes every request to " + this.path + " and answers anything but POST with 405. Move "
						+ "that mapping to another path");
				continue;
			}
			logger.warn("'" + PROPERTY + "' (" + this.path + ") is also matched by the pattern '" + collision.pattern()
					+ "' of " + collision.handler() + "; POST requests to " + this.path
					+ " go to the WeChat Pay complaint notification endpoint, never to it");
		}
	}

	List<Collision> find() {
		List<Collision> collisions = new ArrayList<>();
		for (HandlerMapping mapping : this.beanFactory.getBeansOfType(HandlerMapping.class, false, false).values()) {
			if (mapping instanceof RequestMappingInfoHandlerMapping methods) {
				methods.getHandlerMethods().forEach((info, method) -> handlerMethod(info, method, collisions));
			}
			else if (mapping instanceof AbstractUrlHandlerMapping urls) {
				urls.getHandlerMap().forEach((pattern, handler) -> urlHandler(pattern, handler, collisions));
			}
		}
		this.beanFactory.getBeansOfType(RouterFunction.class, false, false).forEach((name, routerFunction) -> {
			if (!ComplaintNotificationAutoConfiguration.ROUTER_BEAN_NAME.equals(name)) {
				RouteCollisionVisitor visitor = new RouteCollisionVisitor(this.path);
				routerFunction.accept(visitor);
				for (String pattern : visitor.matchingPatterns()) {
					add(collisions, pattern, "the RouterFunction bean '" + name + "'");
				}
			}
		});
		return collisions;
	}

	private void handlerMethod(RequestMappingInfo info, HandlerMethod method, List<Collision> collisions) {
		boolean acceptsPost = info.getMethodsCondition().getMethods().isEmpty()
				|| info.getMethodsCondition().getMethods().contains(RequestMethod.POST);
		if (info.getPathPatternsCondition() != null) {
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				if (pattern.matches(PathContainer.parsePath(this.path))) {
					add(collisions, pattern.getPatternString(), method.toString(), acceptsPost);
				}
			}
		}
		else if (info.getPatternsCondition() != null) {
			for (String pattern : info.getPatternsCondition().getPatterns()) {
				if (new AntPathMatcher().match(pattern, this.path)) {
					add(collisions, pattern, method.toString(), acceptsPost);
				}
			}
		}
	}

	private void urlHandler(String pattern, Object handler, List<Collision> collisions) {
		boolean acceptsPost = !(handler instanceof WebContentGenerator generator
				&& generator.getSupportedMethods() != null
				&& !List.of(generator.getSupportedMethods()).contains("POST"));
		if (new AntPathMatcher().match(pattern, this.path)) {
			add(collisions, pattern, "the handler " + handler.getClass().getName(), acceptsPost);
		}
	}

	private void add(List<Collision> collisions, String pattern, String handler) {
		add(collisions, pattern, handler, true);
	}

	// A handler for other methods only is reported when mapped to exactly the path; a
	// pattern of such a handler
	// (static resources under /**, say) is no sign of a mistake.
	private void add(List<Collision> collisions, String pattern, String handler, boolean acceptsPost) {
		boolean exact = pattern.equals(this.path);
		if (isCatchAll(pattern) || (!acceptsPost && !exact)) {
			return;
		}
		collisions.add(new Collision(pattern, handler, exact, acceptsPost));
	}

	private static boolean isCatchAll(String pattern) {
		return pattern.equals("/**") || pattern.equals("**")
				|| (pattern.startsWith("/{*") && pattern.endsWith("}") && pattern.indexOf('/', 1) < 0);
	}

	/**
	 * Another handler whose mapping matches the notification path.
	 *
	 * @param pattern the pattern it is mapped with
	 * @param handler what it is, for the message
	 * @param exact whether the pattern is the notification path itself
	 * @param acceptsPost whether it takes POST (otherwise it is mapped for other methods
	 * only)
	 */
	record Collision(String pattern, String handler, boolean exact, boolean acceptsPost) {
	}

}
