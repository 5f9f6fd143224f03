/// A page's own inline code, and the hash source that lets a Content-Security-Policy allow
/// exactly it: the browser hashes the bytes between the tags, so these are written verbatim.
struct InlineCode: Sendable {
    let content: String
    /// `'sha256-…'`, base64 of the SHA-256 of the UTF-8 content.
    let hashSource: String

    init(_ content: String) {
        self.content = content
        self.hashSource = "'sha256-" + Base64.encode(SHA256.digest(content)) + "'"
    }
}

/// The Content-Security-Policy of every page: nothing may load (no network, no fonts, no
/// images) and nothing may run but the page's own script and style, named by hash; injected
/// markup, should any escape the escaping, would stay inert.
enum ContentSecurityPolicy {
    static func meta(script: InlineCode, style: InlineCode) -> String {
        let policy =
            "default-src 'none'; script-src \(script.hashSource); style-src \(style.hashSource); base-uri 'none'; form-action 'none'"
        return "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">"
    }
}

/// The stylesheet and scripts of the pages. System fonts only; print drops the controls.
enum PageAssets {
    static let style = InlineCode(
        """
        :root{--err:#c5221f;--err-bg:#fce8e6;--warn:#b06000;--warn-bg:#fef0d0;--note:#1967d2;--note-bg:#e4eefc;--ok:#188038;--ok-bg:#ddf3e4;--ink:#202124;--dim:#5f6368;--line:#dadce0}
        *{box-sizing:border-box}
        body{margin:0;color:var(--ink);font:15px/1.65 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;background:#fff}
        header.top{padding:12px 20px;border-bottom:1px solid var(--line);background:#f8f9fa}
        header.top h1{font-size:18px;margin:4px 0;word-break:break-all}
        header.top .summary{margin:0;color:var(--dim)}
        header.top .legend{margin:2px 0 0;color:var(--dim);font-size:13px}
        a{color:#1a0dab}
        .layout{display:flex;align-items:flex-start}
        main{flex:1 1 auto;min-width:0;padding:8px 24px 40vh;max-width:1100px}
        main h2.doc{font-size:13px;color:var(--dim);font-weight:normal;border-bottom:1px dashed var(--line)}
        #side{flex:0 0 380px;position:sticky;top:0;height:100vh;overflow:auto;border-left:1px solid var(--line);padding:8px 14px;background:#fbfbfc;font-size:13.5px}
        #side h2{font-size:15px;margin:14px 0 4px}
        #side h3{font-size:13.5px;margin:10px 0 2px;color:var(--dim)}
        #side ol,#side ul{margin:0;padding-left:20px}
        #side li{margin:3px 0}
        #side .msg{color:var(--ink)}
        .filters label{display:inline-block;margin:2px 10px 2px 0;white-space:nowrap}
        .filters fieldset{border:1px solid var(--line);padding:4px 8px;margin:6px 0}
        .h{margin:18px 0 6px;line-height:1.4}
        h3.h{font-size:18px}h4.h{font-size:16px}h5.h,h6.h{font-size:15px}
        p.para,p.unread{margin:6px 0;white-space:pre-wrap;word-break:break-word}
        p.unread{color:#9aa0a6;font-size:13px}
        .tbl{margin:12px 0;overflow-x:auto}
        .tlabel{font-size:12px;color:var(--dim)}
        table.doc{border-collapse:collapse;font-size:13.5px}
        table.doc td,table.doc th{border:1px solid #c6c9cc;padding:2px 6px;vertical-align:top;white-space:pre-wrap}
        table.doc th.rn{color:#9aa0a6;font-weight:normal;font-size:11px;background:#f8f9fa;border-color:#e8eaed}
        .chart{margin:10px 0;padding:4px 8px;border-left:3px solid var(--line);font-size:13px}
        .chart .cl{white-space:pre;tab-size:4}
        .noise{display:none}
        mark{color:inherit;border-radius:2px;padding:0 1px;cursor:pointer;scroll-margin:40vh 0}
        mark.error{background:var(--err-bg);box-shadow:inset 0 -2px var(--err);outline:1.5px solid var(--err)}
        mark.warning{background:var(--warn-bg);box-shadow:inset 0 -2px var(--warn);outline:1.5px solid var(--warn)}
        mark.note{background:var(--note-bg);box-shadow:inset 0 -2px var(--note);outline:1px solid var(--note)}
        mark.accepted{background:#f1f3f4;outline:1px dotted var(--dim);box-shadow:none}
        mark:empty::before{content:"\\25B2";font-size:11px;color:var(--err)}
        mark.off{background:none;outline:none;box-shadow:none}
        .rel{outline:1.5px dashed #7b1fa2;border-radius:2px;cursor:pointer;scroll-margin:40vh 0}
        body.show-verified .v{background:var(--ok-bg);box-shadow:inset 0 -2px var(--ok);cursor:pointer;scroll-margin:40vh 0}
        :target{animation:flash 1.6s ease-out 1}
        mark:target,.rel:target,.v:target{outline:3px solid #1a73e8}
        @keyframes flash{0%{background:#aecbfa}100%{}}
        @media (prefers-reduced-motion:reduce){:target{animation:none}}
        .callouts{margin:4px 0 12px}
        .callout{border-left:4px solid var(--note);background:#f8f9fa;padding:4px 10px;margin:4px 0;font-size:13.5px;scroll-margin:30vh 0}
        .callout.error{border-color:var(--err)}
        .callout.warning{border-color:var(--warn)}
        .callout.accepted{border-color:var(--dim)}
        .callout p{margin:2px 0}
        .callout ul{margin:2px 0;padding-left:18px}
        .sev{display:inline-block;font-size:12px;padding:0 6px;border-radius:8px;color:#fff;background:var(--note)}
        .sev.error{background:var(--err)}
        .sev.warning{background:var(--warn)}
        .sev.accepted{background:var(--dim)}
        .cid{color:var(--dim);font-size:12px}
        .exp b{color:var(--ok)}
        .off{display:none}
        mark.off{display:inline}
        #verified-list{display:none}
        body.show-verified #verified-list{display:block}
        #verified-list li:target{background:#e8f0fe}
        table.index{border-collapse:collapse;margin:12px 20px;font-size:14px}
        table.index th,table.index td{border:1px solid var(--line);padding:4px 10px;text-align:right}
        table.index th:first-child,table.index td:first-child{text-align:left}
        table.index thead button{font:inherit;font-weight:bold;background:none;border:0;cursor:pointer;padding:0}
        table.index th[aria-sort=ascending] button::after{content:" \\25B2"}
        table.index th[aria-sort=descending] button::after{content:" \\25BC"}
        table.index tfoot td{font-weight:bold;background:#f8f9fa}
        td.bad{color:var(--err);text-align:left}
        section.index{padding:0 20px}
        @media print{#side .filters,.legend{display:none}#side{position:static;height:auto;border:0;background:none}.layout{display:block}main{padding-bottom:0;max-width:none}mark,.callout{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        @media (max-width:900px){.layout{display:block}#side{position:static;height:auto;border:0}}
        """)

    /// The report page: filters, the verified toggle, and the links between a finding and
    /// its related figures (both ways). A click on a related figure reached from its finding
    /// returns to the finding; on a finding's mark, opens its explanation; on any other related
    /// figure, goes to its finding; on a verified number (when shown), to its relation.
    /// Click handlers only; nothing is fetched or evaluated.
    static let reportScript = InlineCode(
        """
        (function(){
        var d=document,b=d.body;
        function all(s){return Array.prototype.slice.call(d.querySelectorAll(s));}
        function apply(){
        var off={};
        all('input[data-filter]').forEach(function(i){if(!i.checked)off[i.getAttribute('data-filter')]=1;});
        all('[data-sev]').forEach(function(e){
        var hide=off['sev:'+e.getAttribute('data-sev')]||off['check:'+e.getAttribute('data-check')];
        e.classList.toggle('off',!!hide);
        });
        var v=d.getElementById('show-verified');
        b.classList.toggle('show-verified',!!(v&&v.checked));
        }
        function go(id){
        var t=d.getElementById(id);
        if(!t)return;
        if(location.hash!=='#'+id)location.hash=id;
        t.scrollIntoView({block:'center'});
        }
        d.addEventListener('change',apply);
        d.addEventListener('click',function(e){
        if(e.target.closest('a,input,label,button'))return;
        for(var el=e.target;el&&el!==b;el=el.parentElement){
        if(el.id&&el.hasAttribute('data-back')&&location.hash==='#'+el.id){go(el.getAttribute('data-back'));return;}
        }
        var m=e.target.closest('mark[data-finding]');
        if(m){go('c'+m.getAttribute('data-finding'));return;}
        var r=e.target.closest('.rel');
        if(r){go(r.getAttribute('data-back'));return;}
        var v=e.target.closest('.v');
        if(v&&b.classList.contains('show-verified'))go('vr'+v.getAttribute('data-rel').split(' ')[0]);
        });
        apply();
        })();
        """)

    /// The batch index: sort the table of files by a column.
    static let indexScript = InlineCode(
        """
        (function(){
        var t=document.getElementById('files');
        if(!t)return;
        var heads=t.tHead.rows[0].cells;
        Array.prototype.forEach.call(heads,function(th,i){
        th.querySelector('button').addEventListener('click',function(){
        var numeric=th.getAttribute('data-type')==='n';
        var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
        var body=t.tBodies[0];
        var rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){
        var x=a.cells[i].getAttribute('data-v'),y=b.cells[i].getAttribute('data-v');
        var c=numeric?Number(x)-Number(y):(x<y?-1:x>y?1:0);
        return c*dir||Number(a.getAttribute('data-i'))-Number(b.getAttribute('data-i'));
        });
        rows.forEach(function(r){body.appendChild(r);});
        Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
        th.setAttribute('aria-sort',dir>0?'ascending':'descending');
        });
        });
        })();
        """)
}
