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
export interface ShareSigns {
  appMessageHook: boolean
  timelineHook: boolean
  appMessageSwitch: boolean
  timelineSwitch: boolean
}
export declare function shareSignsOf(js: string | null | undefined): ShareSigns
export declare function shareProblems(
  table: readonly { page: string; share: 'none' | 'friends' | 'friends+timeline' }[],
  readPageJs: (page: string) => string | null,
): { problems: string[]; lines: string[] }
