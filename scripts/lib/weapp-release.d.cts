export declare const DEV_LOOPBACK_API_BASE: string
export declare const SCOPE_OF_PRIVATE_API: Record<string, string | null>
export declare function isReleaseBuild(input?: { mode?: string; env?: Record<string, string | undefined> }): boolean
export declare function releaseApiBaseProblem(base: string | undefined | null): string | null
export declare function resolveApiBase(input: { platform: string; release: boolean; configured: string | undefined }): string | undefined
export declare function privacyScopeProblems(appJson: { requiredPrivateInfos?: string[]; permission?: Record<string, { desc?: string }> }): string[]
export interface Sitemap {
  rules?: { action: string; page: string }[]
}
export declare const NEVER_INDEXED: string[]
export declare function sitemapIndexes(sitemap: Sitemap, page: string): boolean
export declare function sitemapProblems(sitemap: Sitemap | null, pages: string[]): string[]
