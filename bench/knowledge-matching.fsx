// Matching at 5,155 entries without a database: the shipped pack plus 55 communes' own versions of every national entry
// (as the `knowledge` scenario seeds them), every eval question asked by a member of a commune with its own entries and of
// one without. Reports wall-clock p50/p99 and the thread's CPU time per question (clock_gettime(CLOCK_THREAD_CPUTIME_ID),
// Linux), which a loaded machine's descheduling does not inflate.
//   dotnet build src/Cli -c Release && dotnet fsi --optimize+ bench/knowledge-matching.fsx [rounds]
// To compare another commit, copy this file into that checkout's bench/ and run it there.
#r "../src/Cli/bin/Release/net10.0/Outreach.Content.dll"
open System
open System.IO
open System.Diagnostics
open System.Text.Json
open System.Runtime.InteropServices
open Outreach.Content.ContentPacks
open Outreach.Content.KnowledgeBase

[<Struct; StructLayout(LayoutKind.Sequential)>]
type Timespec = val mutable Sec: int64; val mutable Nsec: int64
[<DllImport("libc")>]
extern int clock_gettime(int clk, Timespec& ts)
let cpuNs () = let mutable t = Timespec() in clock_gettime(3, &t) |> ignore; t.Sec * 1000000000L + t.Nsec

let root = Path.GetFullPath(Path.Combine(__SOURCE_DIRECTORY__, ".."))
let dir = Path.Combine(root, "src", "Cli", "bin", "Release", "net10.0")
let rounds = if fsi.CommandLineArgs.Length > 1 then int fsi.CommandLineArgs.[1] else 20
let pack = ContentPackReader.ReadAsync(Path.Combine(dir, "ContentPacks", "pack"), Threading.CancellationToken.None).Result
let national = pack.Entries |> Seq.filter (fun e -> isNull e.Province) |> List.ofSeq
let locals =
  [ for c in 2L .. 56L do
      for e in national ->
        KnowledgeEntry(e.Id, null, e.Topic, e.Title, (e.Questions |> Seq.rev |> Array.ofSeq), e.Keywords, sprintf "%s (xã %d)" e.Answer c, null, Nullable(), Nullable(), null, OrgUnitId = Nullable(c)) ]
let clone = pack.GetType().GetMethod("<Clone>$").Invoke(pack, [||]) :?> ContentPack
pack.GetType().GetProperty("Entries").SetValue(clone, (List.append (List.ofSeq pack.Entries) locals |> ResizeArray) :> Collections.Generic.IReadOnlyList<KnowledgeEntry>)
let sw = Stopwatch.StartNew()
let snap = KnowledgeSnapshot.Build(clone)
printfn "%d entries, build %d ms" snap.Index.Entries.Count sw.ElapsedMilliseconds
let qs =
  Directory.EnumerateFiles(Path.Combine(root, "tests", "Outreach.Cli.Tests", "TestData"), "*.jsonl") |> Seq.sort
  |> Seq.collect File.ReadLines |> Seq.filter (fun l -> l.Length > 0)
  |> Seq.map (fun l -> JsonDocument.Parse(l).RootElement.GetProperty("q").GetString()) |> List.ofSeq
let today = DateOnly(2026, 6, 1)
printfn "| member | questions × rounds | wall p50 | wall p99 | CPU p50 | CPU p99 | CPU max |"
printfn "|---|---:|---:|---:|---:|---:|---:|"
for (who, path) in [ ("commune with its own entries", [| 2L; 1L |]); ("commune without", [| 57L; 1L |]) ] do
  for q in qs do AnswerEngine.Decide(snap, AnswerRequest(q, null, today, UnitPath = path)) |> ignore
  let wall = ResizeArray()
  let cpu = ResizeArray()
  for _ in 1 .. rounds do
    for q in qs do
      let c0 = cpuNs ()
      let t0 = Stopwatch.GetTimestamp()
      AnswerEngine.Decide(snap, AnswerRequest(q, null, today, UnitPath = path)) |> ignore
      wall.Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds)
      cpu.Add(float (cpuNs () - c0) / 1000.0)
  wall.Sort(); cpu.Sort()
  let p (l: ResizeArray<float>) q = l.[int (ceil (q * float l.Count)) - 1]
  printfn "| %s | %d × %d | %.0f µs | %.0f µs | %.0f µs | %.0f µs | %.0f µs |" who qs.Length rounds (p wall 0.5) (p wall 0.99) (p cpu 0.5) (p cpu 0.99) (p cpu 1.0)
