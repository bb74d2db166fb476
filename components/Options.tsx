export function Options() {
  return (
    <main class="mx-auto max-w-xl p-6 font-sans text-slate-900">
      <h1 class="text-xl font-semibold">LiqGuard options</h1>
      <p data-testid="options-placeholder" class="mt-2 text-slate-700">
        Alert thresholds and display preferences will live here. Until then LiqGuard uses its defaults.
      </p>
    </main>
  );
}
