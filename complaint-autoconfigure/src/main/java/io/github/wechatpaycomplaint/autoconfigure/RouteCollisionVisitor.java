package io.github.wechatpaycomplaint.autoconfigure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Walks a {@link RouterFunction} without a request and collects the path patterns of the
 * routes that certainly take a POST to a given path. Predicates it cannot judge without a
 * request (headers, parameters, custom predicates) count as "maybe" and are not reported.
 * Nested routes ({@code nest(path("/a"), ...)}) match the rest of the path.
 */
final class RouteCollisionVisitor implements RouterFunctions.Visitor {

	private final Deque<Scope> scopes = new ArrayDeque<>();

	private final List<String> matchingPatterns = new ArrayList<>();

	RouteCollisionVisitor(String path) {
		this.scopes.push(new Scope(Match.YES, path, ""));
	}

	/**
	 * The full patterns (nesting prefixes included) of the routes that take a POST to the
	 * path.
	 * @return the patterns
	 */
	List<String> matchingPatterns() {
		return this.matchingPatterns;
	}

	@Override
	public void startNested(RequestPredicate predicate) {
		Scope outer = this.scopes.element();
		if (outer.match == Match.NO) {
			this.scopes.push(outer);
			return;
		}
		Result result = evaluate(predicate, outer.remaining, true);
		this.scopes.push(new Scope(outer.match.and(result.match), result.remaining,
				outer.prefix + ((result.pattern != null) ? result.pattern : "")));
	}

	@Override
	public void endNested(RequestPredicate predicate) {
		this.scopes.pop();
	}

	@Override
	public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
		Scope scope = this.scopes.element();
		if (scope.match != Match.YES) {
			return;
		}
		Result result = evaluate(predicate, scope.remaining, false);
		if (result.match == Match.YES && result.pattern != null) {
			this.matchingPatterns.add(scope.prefix + result.pattern);
		}
	}

	@Override
	public void resources(Function<ServerRequest, Optional<Resource>> lookupFunction) {
		// Resources answer GET and HEAD only.
	}

	@Override
	public void attributes(Map<String, Object> attributes) {
	}

	@Override
	public void unknown(RouterFunction<?> routerFunction) {
	}

	private static Result evaluate(RequestPredicate predicate, String path, boolean prefix) {
		TreeBuilder builder = new TreeBuilder();
		predicate.accept(builder);
		return builder.root().evaluate(path, prefix);
	}

	private record Scope(Match match, String remaining, String prefix) {
	}

	private enum Match {

		YES, NO, MAYBE;

		Match and(Match other) {
			if (this == NO || other == NO) {
				return NO;
			}
			return (this == YES && other == YES) ? YES : MAYBE;
		}

		Match negate() {
			return (this == YES) ? NO : (this == NO) ? YES : MAYBE;
		}

	}

	/**
	 * How a predicate judges the request.
	 *
	 * @param match whether it matches
	 * @param remaining the path left for nested routes
	 * @param pattern the path pattern that matched, if any
	 */
	private record Result(Match match, String remaining, @Nullable String pattern) {
	}

	private interface Node {

		Result evaluate(String path, boolean prefix);

	}

	private record PathNode(String pattern) implements Node {

		@Override
		public Result evaluate(String path, boolean prefix) {
			PathPattern parsed = PathPatternParser.defaultInstance.parse(this.pattern);
			PathContainer container = PathContainer.parsePath(path);
			if (prefix) {
				PathPattern.PathRemainingMatchInfo info = parsed.matchStartOfPath(container);
				return (info != null) ? new Result(Match.YES, info.getPathRemaining().value(), this.pattern)
						: new Result(Match.NO, path, null);
			}
			return parsed.matches(container) ? new Result(Match.YES, path, this.pattern)
					: new Result(Match.NO, path, null);
		}

	}

	private record ConstantNode(Match match) implements Node {

		@Override
		public Result evaluate(String path, boolean prefix) {
			return new Result(this.match, path, null);
		}

	}

	private record AndNode(List<Node> children) implements Node {

		@Override
		public Result evaluate(String path, boolean prefix) {
			Match match = Match.YES;
			String remaining = path;
			String pattern = null;
			for (Node child : this.children) {
				Result result = child.evaluate(remaining, prefix);
				match = match.and(result.match);
				remaining = result.remaining;
				pattern = (result.pattern != null) ? ((pattern != null) ? pattern + result.pattern : result.pattern)
						: pattern;
			}
			return new Result(match, remaining, pattern);
		}

	}

	private record OrNode(List<Node> children) implements Node {

		@Override
		public Result evaluate(String path, boolean prefix) {
			Result maybe = null;
			for (Node child : this.children) {
				Result result = child.evaluate(path, prefix);
				if (result.match == Match.YES) {
					return result;
				}
				if (result.match == Match.MAYBE && maybe == null) {
					maybe = result;
				}
			}
			return (maybe != null) ? maybe : new Result(Match.NO, path, null);
		}

	}

	private record NotNode(Node child) implements Node {

		@Override
		public Result evaluate(String path, boolean prefix) {
			return new Result(this.child.evaluate(path, prefix).match.negate(), path, null);
		}

	}

	/**
	 * Turns the visitor callbacks of a predicate into a tree of nodes.
	 */
	private static final class TreeBuilder implements RequestPredicates.Visitor {

		private final Deque<List<Node>> groups = new ArrayDeque<>();

		TreeBuilder() {
			this.groups.push(new ArrayList<>());
		}

		Node root() {
			List<Node> top = this.groups.element();
			return (top.size() == 1) ? top.get(0) : new AndNode(top);
		}

		private void add(Node node) {
			this.groups.element().add(node);
		}

		@Override
		public void method(Set<HttpMethod> methods) {
			add(new ConstantNode(methods.contains(HttpMethod.POST) ? Match.YES : Match.NO));
		}

		@Override
		public void path(String pattern) {
			add(new PathNode(pattern));
		}

		@Override
		public void pathExtension(String extension) {
			add(new ConstantNode(Match.MAYBE));
		}

		@Override
		public void header(String name, String value) {
			add(new ConstantNode(Match.MAYBE));
		}

		@Override
		public void param(String name, String value) {
			add(new ConstantNode(Match.MAYBE));
		}

		@Override
		public void version(String version) {
			add(new ConstantNode(Match.MAYBE));
		}

		@Override
		public void startAnd() {
			this.groups.push(new ArrayList<>());
		}

		@Override
		public void and() {
		}

		@Override
		public void endAnd() {
			add(new AndNode(this.groups.pop()));
		}

		@Override
		public void startOr() {
			this.groups.push(new ArrayList<>());
		}

		@Override
		public void or() {
		}

		@Override
		public void endOr() {
			add(new OrNode(this.groups.pop()));
		}

		@Override
		public void startNegate() {
			this.groups.push(new ArrayList<>());
		}

		@Override
		public void endNegate() {
			List<Node> negated = this.groups.pop();
			add(new NotNode((negated.size() == 1) ? negated.get(0) : new AndNode(negated)));
		}

		@Override
		public void unknown(RequestPredicate predicate) {
			add(new ConstantNode(Match.MAYBE));
		}

	}

}
