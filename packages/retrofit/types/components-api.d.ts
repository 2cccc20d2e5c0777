/**
 * The part of @accessible-reader/components the engine uses, for emitting the engine's declarations without
 * compiling the components (their own build emits theirs). The tests and the bundle use the real sources.
 */
export declare function define(prefix?: string): void;
export declare const components: Readonly<Record<string, CustomElementConstructor>>;
